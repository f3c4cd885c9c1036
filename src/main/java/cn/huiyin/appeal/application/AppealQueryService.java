package cn.huiyin.appeal.application;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.appeal.domain.AppealAccess;
import cn.huiyin.appeal.domain.AppealEventLabels;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.AppealSummary;
import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.ChainVerification;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.QueryCodes;
import cn.huiyin.appeal.domain.RevealEventReaders;
import cn.huiyin.appeal.domain.StoredLink;
import cn.huiyin.appeal.persistence.AppealReadRepository;
import cn.huiyin.appeal.persistence.AppealReadRepository.AppealRow;
import cn.huiyin.appeal.persistence.AppealReadRepository.EventRow;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.domain.PersonName;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.security.GuessThrottle;
import cn.huiyin.shared.security.GuessThrottle.Secret;
import cn.huiyin.shared.security.TooManyAttempts;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** Status and timeline of one appeal, cut to what the caller may see; and the check of its event chain. */
@ApplicationScoped
public class AppealQueryService {


    /**
     * A rating the system recorded when the window ran out is never shown as the enterprise's own; a supervision order
     * answered after its deadline says it was late.
     */
    private static String label(EventRow e) {
        if ("RATED".equals(e.type()) && e.payload().contains("\"defaulted\":true")) {
            return "系统默认评价";
        }
        if ("SUPERVISION_ORDER_ANSWERED".equals(e.type()) && e.payload().contains("\"onTime\":false")) {
            return "督办单逾期答复";
        }
        return AppealEventLabels.of(e.type());
    }

    @Inject
    AppealReadRepository appeals;

    @Inject
    AppealClocks clocks;


    @Inject
    QueryCodes queryCodes;

    @Inject
    GuessThrottle guesses;

    public Uni<AppealView> view(String rawTrackingNo, String queryCode, Caller caller) {
        return view(rawTrackingNo, queryCode, caller, null);
    }

    /**
     * @param client the request's client address: a query code that opens nothing counts as a wrong guess against
     *               the appeal and the client, and when either has guessed too often every attempt with a code is
     *               refused ({@link TooManyAttempts}) until the window ends
     */
    public Uni<AppealView> view(String rawTrackingNo, String queryCode, Caller caller, String client) {
        String trackingNo = canonical(rawTrackingNo);
        if (queryCode == null || queryCode.isBlank()) {
            return find(trackingNo, null, caller); // no code, no guess
        }
        return guesses.admit(Secret.QUERY_CODE, trackingNo, client)
                .chain(() -> find(trackingNo, queryCode, caller)
                        .call(() -> guesses.passed(Secret.QUERY_CODE, trackingNo, client))
                        // only "not found" (no such appeal, or not this code's) is a wrong guess
                        .onFailure(failure -> !isNotFound(failure))
                        .call(() -> guesses.passed(Secret.QUERY_CODE, trackingNo, client)));
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof ProblemException problem && problem.problem().status() == 404;
    }

    private Uni<AppealView> find(String trackingNo, String queryCode, Caller caller) {
        return appeals.find(trackingNo).chain(found -> {
            AppealRow appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            AppealAccess access = AppealAccess.decide(caller, appeal.handlingUnit(), appeal.helperUnits(), appeal.uscc(),
                    queryCodes.matches(trackingNo, queryCode));
            if (access == AppealAccess.NONE) {
                throw ProblemException.notFound("Appeal " + trackingNo);
            }
            return Uni.combine().all().unis(appeals.events(appeal.id()), clocks.clocksOf(appeal.id()))
                    .with((events, clockViews) -> toView(appeal, events, clockViews, access, caller));
        });
    }

    /** Where an appeal is, for an action on it: its id and handling unit. */
    public record Located(long id, String trackingNo, String handlingUnit) {
    }

    /** The appeal's id and handling unit, for actions on it; the caller checks its own permission. */
    public Uni<Located> locate(String rawTrackingNo) {
        String trackingNo = canonical(rawTrackingNo);
        return appeals.find(trackingNo).map(found -> found.map(a -> new Located(a.id(), a.trackingNo(), a.handlingUnit()))
                .orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo)));
    }

    /** The latest appeals from this mobile number, newest first (a caller's history on the agent desk). */
    public Uni<List<AppealSummary>> recentByMobile(String mobile, int limit) {
        return appeals.recentByMobile(mobile, limit);
    }

    /** The latest appeals under this credit code, newest first (an enterprise's own list). */
    public Uni<List<AppealSummary>> recentByUscc(String uscc, int limit) {
        return appeals.recentByUscc(uscc, limit);
    }

    /** Where a follower's notices go: the appeal's number and its {@code account/openId} (null outside WeChat). */
    public record ReplyAddress(String trackingNo, String replyTo) {
    }

    public Uni<Optional<ReplyAddress>> replyAddress(long appealId) {
        return appeals.replyAddress(appealId).map(found -> found.map(a -> new ReplyAddress(a.trackingNo(), a.replyTo())));
    }

    /** The appellant's mobile number in full, for a notice to them; empty when the appeal has none. */
    public Uni<Optional<String>> contactMobile(String trackingNo) {
        return appeals.find(trackingNo).map(found -> found.map(AppealRow::mobile));
    }

    /** Recomputes the chain and checks it ends where the appeal row says (so a cut-off tail shows too). */
    public Uni<ChainVerification> verifyChain(String rawTrackingNo) {
        String trackingNo = canonical(rawTrackingNo);
        return appeals.find(trackingNo).map(found -> found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo)))
                .chain(appeal -> appeals.events(appeal.id()).map(events -> EventChain.verify(
                events.stream().map(e -> new StoredLink(new ChainEntry(appeal.trackingNo(), e.seq(), e.type(), e.actor(),
                        e.occurredAt(), e.reason(), e.payload()), e.previousHash(), e.hash())).toList(),
                appeal.eventCount(), appeal.lastEventHash())));
    }

    /** The words a public step carried to the enterprise: a reply's answer, a supplement's content, a rating's summary. */
    private static String detail(EventRow e) {
        if (!"PUBLIC".equals(e.visibility())) {
            return null;
        }
        if ("NOTE".equals(e.type())) {
            return e.reason(); // a progress note the unit chose to show the enterprise
        }
        try {
            JsonNode payload = JSON.readTree(e.payload());
            JsonNode text = payload.has("answer") ? payload.get("answer")
                    : payload.has("content") ? payload.get("content") : payload.get("summary");
            return text == null || text.isNull() ? null : text.asText();
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canonical(String rawTrackingNo) {
        return TrackingNumber.parse(rawTrackingNo).map(TrackingNumber::value)
                .orElseThrow(() -> ProblemException.badRequest("trackingNo",
                        "A tracking number has 13 digits and a valid check digit"));
    }

    private static AppealView toView(AppealRow a, List<EventRow> events, List<ClockView> clockViews, AppealAccess access,
            Caller caller) {
        boolean staff = access == AppealAccess.STAFF;
        List<AppealView.TimelineEntry> timeline = events.stream()
                .filter(e -> staff || "PUBLIC".equals(e.visibility()))
                // a reveal is an entry of the reveal log, which the administrator may not read
                .filter(e -> RevealEventReaders.shows(e.type(), caller))
                .map(e -> new AppealView.TimelineEntry(e.seq(), e.type(), label(e),
                        e.occurredAt(), staff ? e.actor() : null, staff ? e.reason() : null, staff ? e.visibility() : null,
                        detail(e)))
                .toList();
        String masked = a.mobile() == null ? null
                : MobileNumber.parse(a.mobile()).map(MobileNumber::masked).orElse(null);
        return new AppealView(a.trackingNo(), TrackingNumber.parse(a.trackingNo()).map(TrackingNumber::spoken).orElse(null),
                a.status(), AppealStatus.valueOf(a.status()).label(), a.channel(), a.appealType(), a.category(),
                a.urgent(), a.title(), a.content(), a.enterpriseName(), a.uscc(), staff ? a.identityState() : null,
                staff ? PersonName.masked(a.contactName()) : a.contactName(), masked,
                a.handlingUnit() == null ? null : new AppealView.Unit(a.handlingUnit(), a.handlingUnitName()),
                a.receivedAt(), a.dispatchedAt(), a.supervised(), clockViews, timeline);
    }
}
