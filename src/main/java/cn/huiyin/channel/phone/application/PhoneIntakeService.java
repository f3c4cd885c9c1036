package cn.huiyin.channel.phone.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.channel.phone.domain.WorkOrder;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.IntakePublisher;
import cn.huiyin.intake.application.DedupeGuard;
import cn.huiyin.intake.application.TrackingNumberIssuer;
import cn.huiyin.knowledge.application.KnowledgeAnswers;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.domain.Sha256;
import cn.huiyin.shared.domain.Titles;
import cn.huiyin.shared.domain.Uscc;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Turns an agent's work order into an appeal on the intake stream, like any other channel. The CTI
 * {@code eventId} is the dedupe key: however often the order is delivered, one appeal exists.
 */
@ApplicationScoped
public class PhoneIntakeService {

    private static final Logger LOG = Logger.getLogger(PhoneIntakeService.class);

    /** What the agent reads out to the caller. */
    public record Accepted(String trackingNo, boolean duplicate) {
    }

    /** The key already made an appeal, from different content: nothing new was stored. */
    public static final class AlreadySubmitted extends RuntimeException {

        private final String trackingNo;

        AlreadySubmitted(String trackingNo) {
            super("already submitted as " + trackingNo + " with different content", null, false, false);
            this.trackingNo = trackingNo;
        }

        /** The appeal the key made first. */
        public String trackingNo() {
            return trackingNo;
        }
    }

    @Inject
    TrackingNumberIssuer issuer;

    @Inject
    IntakePublisher intake;

    @Inject
    DedupeGuard dedupe;

    @Inject
    Clock clock;

    @Inject
    KnowledgeAnswers answers;

    /**
     * The order must already have passed {@code WorkOrderPolicy}; {@code callId} may be null. Fails with
     * {@link AlreadySubmitted} when the key was used for another order, and with a 503 problem when the appeal
     * could not be stored now.
     */
    public Uni<Accepted> submit(String eventId, String callId, WorkOrder order, String appealType, boolean urgent) {
        String dedupeKey = Channel.PHONE.name() + ":" + eventId;
        return issuer.next().chain(number -> {
            IntakeEnvelope envelope = envelope(number.value(), dedupeKey, callId, order, appealType, urgent);
            // the intake refuses a key held by other content without saying whose: the stored appeal tells, and
            // a redelivery after a crash finds the appeal already stored under this key: answer with it
            return intake.publish(envelope).onItemOrFailure().transformToUni((ok, failure) -> dedupe.storedClaim(dedupeKey)
                    .map(stored -> {
                        if (stored.isPresent()) {
                            DedupeGuard.Claim first = stored.get();
                            if (!first.requestHash().equals(envelope.requestHash())) {
                                throw new AlreadySubmitted(first.trackingNo());
                            }
                            return new Accepted(first.trackingNo(), !first.trackingNo().equals(number.value()));
                        }
                        if (failure != null) {
                            throw unavailable();
                        }
                        return new Accepted(number.value(), false); // on Kafka: taken, perhaps not stored yet
                    }));
        }).onFailure(failure -> !(failure instanceof AlreadySubmitted) && !(failure instanceof ProblemException))
                .transform(failure -> unavailable())
                .call(accepted -> answersFollowed(callId != null ? callId : eventId, accepted.trackingNo()));
    }

    /**
     * The knowledge-base answers the agent desk showed for this call (or, without a call, for this work order: the
     * desk shows them under its event id) were followed by an appeal after all. The appeal is taken by now; a
     * failure here costs a figure, never the agent's tracking number.
     */
    private Uni<Void> answersFollowed(String asker, String trackingNo) {
        return answers.appealFollowed(KnowledgeAnswers.PHONE, asker, trackingNo).onFailure().recoverWithItem(failure -> {
            LOG.warnf(failure, "Could not mark the answers shown to call %s as followed by appeal %s", asker, trackingNo);
            return null;
        });
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "intake-unavailable", "Intake unavailable",
                "The answer did not arrive in time: the work order may or may not have been stored. "
                        + "Send it again with the same eventId and body; that never makes a second appeal"));
    }

    private IntakeEnvelope envelope(String trackingNo, String dedupeKey, String callId, WorkOrder o, String appealType,
            boolean urgent) {
        MobileNumber mobile = MobileNumber.parse(o.contactMobile()).orElseThrow();
        String uscc = o.usccOrNull() == null ? null : Uscc.parse(o.usccOrNull()).orElseThrow().value();
        String description = o.description().strip();
        String type = appealType == null ? AppealType.CONSULT.name() : appealType;
        String enterpriseName = o.enterpriseNameOrNull() == null ? null : o.enterpriseNameOrNull().strip();
        // everything the appeal keeps, so that a resent order that differs in anything is told apart
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("agentId", o.agentId());
        canonical.put("callId", callId);
        canonical.put("uscc", uscc);
        canonical.put("enterpriseName", enterpriseName);
        canonical.put("contactName", o.contactName().strip());
        canonical.put("mobile", mobile.normalized());
        canonical.put("category", o.category());
        canonical.put("appealType", type);
        canonical.put("urgent", urgent);
        canonical.put("description", description);
        return new IntakeEnvelope(trackingNo, Channel.PHONE.name(), dedupeKey, Sha256.hex(JsonText.object(canonical)),
                clock.instant(), "agent:" + o.agentId(), uscc == null ? "MISSING" : "DECLARED", uscc,
                enterpriseName, o.contactName().strip(), mobile.normalized(), mobile.original(),
                Titles.fromText(description), description, type, o.category(), urgent, callId, null);
    }
}
