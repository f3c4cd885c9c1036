package cn.huiyin.channel.phone.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.channel.phone.PhoneConfig;
import cn.huiyin.channel.phone.application.CallLogService;
import cn.huiyin.channel.phone.application.PhoneIntakeService;
import cn.huiyin.channel.phone.domain.SignatureVerifier;
import cn.huiyin.channel.phone.domain.WorkOrder;
import cn.huiyin.channel.phone.domain.WorkOrderPolicy;
import cn.huiyin.channel.phone.domain.ZammadCtiPolicy;
import cn.huiyin.channel.phone.persistence.CallLogRepository;
import cn.huiyin.channel.phone.persistence.CtiAnswerRepository;
import cn.huiyin.channel.phone.persistence.CtiAnswerRepository.Answer;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.shared.web.Problems;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/channels/phone/events}: the signed native contract of a contact centre. The
 * signature is checked over the raw bytes before anything is parsed; a replayed {@code eventId} gets the
 * first answer again. Never a 5xx for a duplicate: the caller retries anything that is not 2xx.
 */
@Path("/api/v1/channels/phone/events")
public class PhoneEventsResource {

    private static final Logger LOG = Logger.getLogger(PhoneEventsResource.class);
    private static final Pattern EVENT_ID = Pattern.compile("[!-~]{1,100}");
    private static final String WORK_ORDER = "workOrder";

    @Inject
    PhoneConfig config;

    @Inject
    CtiAnswerRepository answers;

    @Inject
    CallLogService calls;

    @Inject
    CallLogRepository callLog;

    @Inject
    PhoneIntakeService intake;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private SignatureVerifier verifier;

    @PostConstruct
    void init() {
        if (config.signingKeys().isEmpty()) {
            LOG.warn("no huiyin.phone.signing-keys configured: every signed CTI event will be refused");
        } else {
            verifier = new SignatureVerifier(config.signingKeys(), config.signatureTolerance());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(byte[] rawBody, @RestHeader(SignatureVerifier.KEY_ID_HEADER) String keyId,
            @RestHeader(SignatureVerifier.TIMESTAMP_HEADER) String timestamp,
            @RestHeader(SignatureVerifier.SIGNATURE_HEADER) String signature) {
        SignatureVerifier.Verdict verdict = verifier == null
                ? new SignatureVerifier.Rejected(SignatureVerifier.Reason.UNKNOWN_KEY)
                : verifier.verify(keyId, timestamp, signature, rawBody, clock.instant());
        if (verdict instanceof SignatureVerifier.Rejected rejected) {
            LOG.warnf("CTI event refused: %s (key id %s)", rejected.reason(), keyId);
            throw new ProblemException(Problem.of(401, "bad-signature", "Signature rejected",
                    "The request signature, key id or timestamp was not accepted"));
        }
        ObjectNode event = SignedJsonBody.object(rawBody);
        String type = envelope(event, "event");
        String eventId = envelope(event, "eventId");
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw ProblemException.badRequest("eventId", "eventId is 1 to 100 printable ASCII characters");
        }
        // a work order may be taken without a call (an agent's own follow-up); every other event is about one
        String callId = envelope(event, "callId");
        if (callId == null ? !WORK_ORDER.equals(type) : !EVENT_ID.matcher(callId).matches()) {
            throw ProblemException.badRequest("callId", "callId is 1 to 100 printable ASCII characters");
        }
        List<FieldViolation> unstorable = SignedJsonBody.flaws(event);
        if (!unstorable.isEmpty()) {
            throw Problems.invalid(unstorable);
        }
        return answers.find(eventId).chain(first -> first.isPresent()
                ? Uni.createFrom().item(first.get())
                : handle(eventId, type, callId, event).chain(answer -> answers.remember(eventId, type, callId, answer)))
                .map(answer -> Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build());
    }

    private Uni<Answer> handle(String eventId, String type, String callId, JsonNode event) {
        Instant occurredAt = occurredAt(event);
        return switch (String.valueOf(type)) {
            case "newCall", "answer", "hangup" -> callEvent(event, occurredAt);
            case "recordingReady" -> attachment(eventId, callId, "RECORDING", event, List.of("recordingId", "url"),
                    List.of("format"), false);
            case "transcriptReady" -> attachment(eventId, callId, "TRANSCRIPT", event, List.of("language"),
                    List.of("fullText"), true);
            case WORK_ORDER -> workOrder(eventId, callId, event);
            default -> Uni.createFrom().failure(ProblemException.badRequest("event",
                    "event is one of newCall, answer, hangup, recordingReady, transcriptReady, workOrder"));
        };
    }

    private Uni<Answer> callEvent(JsonNode event, Instant occurredAt) {
        ZammadCtiPolicy.Result result = Fields.of(event).check(occurredAt);
        if (result instanceof ZammadCtiPolicy.Invalid invalid) {
            return Uni.createFrom().failure(Problems.invalid(invalid.violations()));
        }
        return calls.record(((ZammadCtiPolicy.Valid) result).event()).replaceWith(new Answer(200, "{}"));
    }

    /** Stored whole under its call, once its own fields are there and of their types. */
    private Uni<Answer> attachment(String eventId, String callId, String kind, JsonNode event, List<String> required,
            List<String> optional, boolean withSegments) {
        JsonFields fields = new JsonFields();
        List<FieldViolation> missing = new ArrayList<>();
        for (String field : required) {
            if (fields.text(event, "", field) == null && !fields.noted(field)) {
                missing.add(new FieldViolation(field, field + ".required", field + " is required", "缺少" + field));
            }
        }
        optional.forEach(field -> fields.text(event, "", field));
        if (withSegments && !fields.array(event, "segments") && !fields.noted("segments")) {
            missing.add(new FieldViolation("segments", "segments.required", "segments is required", "缺少segments"));
        }
        List<FieldViolation> violations = new ArrayList<>(fields.violations());
        violations.addAll(missing);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalid(violations));
        }
        return callLog.attach(eventId, callId, kind, event.toString()).replaceWith(new Answer(200, "{}"));
    }

    private Uni<Answer> workOrder(String eventId, String callId, JsonNode e) {
        JsonFields fields = new JsonFields();
        JsonNode contact = fields.object(e, "contact");
        JsonNode enterprise = fields.object(e, "enterprise");
        WorkOrder order = new WorkOrder(fields.text(e, "", "agentId"), fields.text(contact, "contact", "name"),
                fields.text(contact, "contact", "mobile"), fields.text(e, "", "category"),
                fields.text(e, "", "description"), fields.text(enterprise, "enterprise", "uscc"),
                fields.text(enterprise, "enterprise", "name"), fields.text(e, "", "address"),
                fields.text(e, "", "externalTicketNo"));
        String appealType = fields.text(e, "", "appealType");
        boolean urgent = fields.bool(e, "urgent", false);
        // a field of the wrong type was read as absent: the policy's "required" for it would only repeat that
        List<FieldViolation> violations = new ArrayList<>(fields.violations());
        WorkOrderPolicy.check(order).stream().filter(v -> !fields.noted(v.field()) && !fields.noted(parent(v.field())))
                .forEach(violations::add);
        if (appealType != null && Arrays.stream(AppealType.values()).noneMatch(t -> t.name().equals(appealType))) {
            violations.add(new FieldViolation("appealType", "appealType.invalid", "appealType is not a known type",
                    "诉求类型不正确"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalid(violations));
        }
        return intake.submit(eventId, callId, order, appealType, urgent)
                .map(accepted -> new Answer(201, json.createObjectNode().put("trackingNo", accepted.trackingNo())
                        .put("duplicate", accepted.duplicate()).toString()))
                .onFailure(PhoneIntakeService.AlreadySubmitted.class).transform(failure -> new ProblemException(
                        Problem.of(422, "idempotency-key-reused", "Event id reused", "This eventId already made appeal "
                                + ((PhoneIntakeService.AlreadySubmitted) failure).trackingNo()
                                + " from a different work order").withField("eventId")));
    }

    /** The fields every event shares: a JSON string each, or absent; anything else is a malformed event. */
    private static String envelope(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest(field, field + " must be a JSON string");
        }
        return value.textValue();
    }

    private static String parent(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static Instant occurredAt(JsonNode event) {
        String raw = envelope(event, "occurredAt");
        if (raw == null) {
            throw ProblemException.badRequest("occurredAt", "occurredAt is required (ISO-8601 instant)");
        }
        return Timestamps.parse(raw).orElseThrow(() -> ProblemException.badRequest("occurredAt",
                "occurredAt is an ISO-8601 instant in years 1-9999, e.g. 2026-01-01T00:00:00Z"));
    }
}
