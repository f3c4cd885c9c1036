package cn.huiyin.channel.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.appeal.domain.QueryCodes;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.IntakePublisher;
import cn.huiyin.intake.application.DedupeGuard;
import cn.huiyin.intake.application.DedupeGuard.Claim;
import cn.huiyin.intake.application.TrackingNumberIssuer;
import cn.huiyin.intake.domain.AppealDraft;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.intake.domain.WebDraftPolicy;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.domain.Sha256;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.domain.Uscc;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The web channel: checks a submission, gives it a tracking number, puts it on the intake stream and
 * answers only once the stream has taken it. A repeated {@code Idempotency-Key} gets the first answer.
 */
@ApplicationScoped
public class WebIntakeService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Inject
    TrackingNumberIssuer issuer;

    @Inject
    DedupeGuard dedupe;

    @Inject
    IntakePublisher intake;

    @Inject
    Catalogues catalogue;

    @Inject
    Clock clock;

    @Inject
    QueryCodes queryCodes;

    public Uni<AppealReceipt> submit(AppealDraft draft, String idempotencyKey, Caller caller) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Uni.createFrom().failure(ProblemException.badRequest("Idempotency-Key",
                    "Idempotency-Key must be 1 to 128 printable ASCII characters"));
        }
        return catalogue.current().chain(rules -> {
            List<FieldViolation> violations = new ArrayList<>(WebDraftPolicy.check(draft));
            if (violations.stream().noneMatch(v -> v.field().equals("category")) && draft.category() != null
                    && !draft.category().isBlank() && !rules.knowsCategory(draft.category())) {
                violations.add(new FieldViolation("category", "category.unknown",
                        "category is not in the dispatch catalogue", "诉求类别不在派单目录中"));
            }
            if (caller.hasRole(Roles.ENTERPRISE) && caller.uscc() != null && violations.isEmpty()
                    && !caller.uscc().equals(Uscc.parse(draft.uscc()).orElseThrow().value())) {
                violations.add(new FieldViolation("uscc", "uscc.mismatch",
                        "uscc differs from the signed-in enterprise", "统一社会信用代码与登录企业不一致"));
            }
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(new ProblemException(Problem.invalid(violations.stream()
                        .map(v -> new Problem.InvalidField(v.field(), v.code(), v.message(), v.messageZh()))
                        .toList())));
            }
            return issuer.next().chain(number -> accept(envelope(draft, number, caller, idempotencyKey), idempotencyKey, caller));
        }).onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> unavailable());
    }

    private Uni<AppealReceipt> accept(IntakeEnvelope envelope, String idempotencyKey, Caller caller) {
        if (idempotencyKey == null) {
            return publish(envelope).map(stored -> receipt(envelope.trackingNo(), caller, false));
        }
        return dedupe.reserve(envelope.dedupeKey(), new Claim(envelope.trackingNo(), envelope.requestHash()))
                .chain(reservation -> reservation.fresh()
                        ? publishFresh(envelope, caller)
                        : replay(envelope, reservation.claim(), caller));
    }

    /**
     * A key Redis had not seen. The database has the last word: if it already holds an appeal under this key
     * (Redis forgot the key, or a racing retry won), the answer is that appeal's number — or a refusal when
     * the content differs. Only a key nobody stored is answered with the new number.
     */
    private Uni<AppealReceipt> publishFresh(IntakeEnvelope envelope, Caller caller) {
        // After a failure the reservation stays: the appeal may still land under its number (a batch that committed
        // unacknowledged, a Kafka record the producer retried), so a retry must send that same number again.
        return intake.publish(envelope).onItemOrFailure().transformToUni((ok, failure) -> dedupe
                .storedClaim(envelope.dedupeKey())
                .onFailure().transform(lookupFailure -> unavailable())
                .chain(stored -> {
                    if (stored.isPresent()) {
                        Claim first = stored.get();
                        if (!first.requestHash().equals(envelope.requestHash())) {
                            return Uni.createFrom().failure(keyReused());
                        }
                        return Uni.createFrom().item(receipt(first.trackingNo(), caller,
                                !first.trackingNo().equals(envelope.trackingNo())));
                    }
                    if (failure == null) {
                        // on Kafka the consumer group may not have stored it yet: the number we sent stands
                        return Uni.createFrom().item(receipt(envelope.trackingNo(), caller, false));
                    }
                    return Uni.createFrom().failure(unavailable());
                }));
    }

    /**
     * The key was seen before: same body → the first answer. A reservation without a stored appeal belongs to an
     * attempt still in flight or one that failed unclearly: the appeal is sent again under the reserved number, so it is
     * stored once under that number either way, and the answer is not a replay (nothing was stored when it was asked).
     */
    private Uni<AppealReceipt> replay(IntakeEnvelope envelope, Claim first, Caller caller) {
        if (!first.requestHash().equals(envelope.requestHash())) {
            return Uni.createFrom().failure(keyReused());
        }
        return dedupe.storedClaim(envelope.dedupeKey()).chain(stored -> stored.isPresent()
                ? Uni.createFrom().item(receipt(stored.get().trackingNo(), caller, true))
                : publish(withTrackingNo(envelope, first.trackingNo()))
                        .map(ignored -> receipt(first.trackingNo(), caller, false)));
    }

    private Uni<Void> publish(IntakeEnvelope envelope) {
        return intake.publish(envelope).onFailure().transform(failure -> unavailable());
    }

    /** The 503's detail: the answer did not arrive in time, so the appeal may or may not be stored. */
    static final String UNAVAILABLE_DETAIL = "The answer did not arrive in time: the appeal may or may not have been stored. "
            + "Retry with the same Idempotency-Key; a retry never makes a second appeal";

    private static ProblemException unavailable() {
        // The batch may have committed although its acknowledgement never came: say so, and point at the safe retry.
        return new ProblemException(Problem.of(503, "intake-unavailable", "Intake unavailable", UNAVAILABLE_DETAIL));
    }

    private static ProblemException keyReused() {
        return new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used for a different submission").withField("Idempotency-Key"));
    }

    private AppealReceipt receipt(String trackingNo, Caller caller, boolean replayed) {
        String spoken = TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
        String queryCode = caller.isAnonymous() ? queryCodes.codeFor(trackingNo) : null;
        return new AppealReceipt(trackingNo, spoken, "/api/v1/appeals/" + trackingNo, queryCode, replayed);
    }

    private IntakeEnvelope envelope(AppealDraft draft, TrackingNumber number, Caller caller, String idempotencyKey) {
        String uscc = Uscc.parse(draft.uscc()).orElseThrow().value();
        MobileNumber mobile = MobileNumber.parse(draft.contactMobile()).orElseThrow();
        String appealType = draft.appealType() == null || draft.appealType().isBlank()
                ? AppealType.CONSULT.name() : draft.appealType();
        String category = draft.category() == null || draft.category().isBlank() ? null : draft.category();
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("uscc", uscc);
        canonical.put("enterpriseName", draft.enterpriseName().strip());
        canonical.put("contactName", draft.contactName().strip());
        canonical.put("mobile", mobile.normalized());
        canonical.put("category", category);
        canonical.put("appealType", appealType);
        canonical.put("urgent", Boolean.TRUE.equals(draft.urgent()));
        canonical.put("title", draft.title().strip());
        canonical.put("description", draft.description().strip());
        String dedupeKey = idempotencyKey == null ? null : Channel.WEB.name() + ":" + idempotencyKey;
        return new IntakeEnvelope(number.value(), Channel.WEB.name(), dedupeKey, Sha256.hex(JsonText.object(canonical)),
                clock.instant(), caller.isAnonymous() ? "web:anonymous" : caller.actor(),
                caller.hasRole(Roles.ENTERPRISE) ? "AUTHENTICATED" : "DECLARED", uscc,
                draft.enterpriseName().strip(), draft.contactName().strip(), mobile.normalized(), mobile.original(),
                draft.title().strip(), draft.description().strip(), appealType, category,
                Boolean.TRUE.equals(draft.urgent()), null, null);
    }

    private static IntakeEnvelope withTrackingNo(IntakeEnvelope e, String trackingNo) {
        return new IntakeEnvelope(trackingNo, e.channel(), e.dedupeKey(), e.requestHash(), e.receivedAt(), e.actor(),
                e.identity(), e.uscc(), e.enterpriseName(), e.contactName(), e.mobile(), e.mobileOriginal(), e.title(),
                e.content(), e.appealType(), e.category(), e.urgent(), e.callId(), e.replyTo());
    }
}
