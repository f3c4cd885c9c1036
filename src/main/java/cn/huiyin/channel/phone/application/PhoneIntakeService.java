package cn.huiyin.channel.phone.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.channel.phone.domain.WorkOrder;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.IntakePublisher;
import cn.huiyin.intake.application.DedupeGuard;
import cn.huiyin.intake.application.TrackingNumberIssuer;
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

    /** What the agent reads out to the caller. */
    public record Accepted(String trackingNo, boolean duplicate) {
    }

    @Inject
    TrackingNumberIssuer issuer;

    @Inject
    IntakePublisher intake;

    @Inject
    DedupeGuard dedupe;

    @Inject
    Clock clock;

    /** The order must already have passed {@code WorkOrderPolicy}. */
    public Uni<Accepted> submit(String eventId, String callId, WorkOrder order, String appealType, boolean urgent) {
        String dedupeKey = Channel.PHONE.name() + ":" + eventId;
        return issuer.next().chain(number -> {
            IntakeEnvelope envelope = envelope(number.value(), dedupeKey, callId, order, appealType, urgent);
            return intake.publish(envelope)
                    .onFailure().transform(failure -> new ProblemException(Problem.of(503, "intake-unavailable",
                            "Intake unavailable", "The work order could not be stored just now; send it again")))
                    // a redelivery after a crash finds the appeal already stored under this event: answer with it
                    .chain(() -> dedupe.storedClaim(dedupeKey))
                    .map(stored -> stored.map(claim -> new Accepted(claim.trackingNo(), !claim.trackingNo().equals(number.value())))
                            .orElse(new Accepted(number.value(), false)));
        });
    }

    private IntakeEnvelope envelope(String trackingNo, String dedupeKey, String callId, WorkOrder o, String appealType,
            boolean urgent) {
        MobileNumber mobile = MobileNumber.parse(o.contactMobile()).orElseThrow();
        String uscc = o.usccOrNull() == null ? null : Uscc.parse(o.usccOrNull()).orElseThrow().value();
        String description = o.description().strip();
        String type = appealType == null ? AppealType.CONSULT.name() : appealType;
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("agentId", o.agentId());
        canonical.put("callId", callId);
        canonical.put("uscc", uscc);
        canonical.put("mobile", mobile.normalized());
        canonical.put("category", o.category());
        canonical.put("appealType", type);
        canonical.put("description", description);
        return new IntakeEnvelope(trackingNo, Channel.PHONE.name(), dedupeKey, Sha256.hex(JsonText.object(canonical)),
                clock.instant(), "agent:" + o.agentId(), uscc == null ? "MISSING" : "DECLARED", uscc,
                o.enterpriseNameOrNull(), o.contactName().strip(), mobile.normalized(), mobile.original(),
                Titles.fromText(description), description, type, o.category(), urgent, callId, null);
    }
}
