package cn.huiyin.channel.phone.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        JsonNode event = parse(rawBody);
        String eventId = text(event, "eventId");
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw ProblemException.badRequest("eventId", "eventId is 1 to 100 printable ASCII characters");
        }
        String callId = text(event, "callId");
        if (callId == null || !EVENT_ID.matcher(callId).matches()) {
            throw ProblemException.badRequest("callId", "callId is 1 to 100 printable ASCII characters");
        }
        return answers.find(eventId).chain(first -> first.isPresent()
                ? Uni.createFrom().item(first.get())
                : handle(eventId, event).chain(answer -> answers.remember(eventId, text(event, "event"),
                        text(event, "callId"), answer)))
                .map(answer -> Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build());
    }

    private Uni<Answer> handle(String eventId, JsonNode event) {
        String type = String.valueOf(text(event, "event"));
        String callId = text(event, "callId");
        Instant occurredAt = occurredAt(event);
        return switch (type) {
            case "newCall", "answer", "hangup" -> callEvent(event, occurredAt);
            case "recordingReady" -> attachment(eventId, callId, "RECORDING", event, "recordingId", "url");
            case "transcriptReady" -> attachment(eventId, callId, "TRANSCRIPT", event, "language", "segments");
            case "workOrder" -> workOrder(eventId, callId, event);
            default -> Uni.createFrom().failure(ProblemException.badRequest("event",
                    "event is one of newCall, answer, hangup, recordingReady, transcriptReady, workOrder"));
        };
    }

    private Uni<Answer> callEvent(JsonNode event, Instant occurredAt) {
        ZammadCtiPolicy.Result result = ZammadCtiPolicy.check(Fields.of(event), occurredAt);
        if (result instanceof ZammadCtiPolicy.Invalid invalid) {
            return Uni.createFrom().failure(Problems.invalid(invalid.violations()));
        }
        return calls.record(((ZammadCtiPolicy.Valid) result).event()).replaceWith(new Answer(200, "{}"));
    }

    private Uni<Answer> attachment(String eventId, String callId, String kind, JsonNode event, String... required) {
        List<FieldViolation> missing = new ArrayList<>();
        if (callId == null || callId.isBlank() || callId.length() > 100) {
            missing.add(new FieldViolation("callId", "callId.required", "callId is required", "请提供呼叫标识"));
        }
        for (String field : required) {
            if (!event.hasNonNull(field)) {
                missing.add(new FieldViolation(field, field + ".required", field + " is required", "缺少" + field));
            }
        }
        if (!missing.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalid(missing));
        }
        return callLog.attach(eventId, callId, kind, event.toString()).replaceWith(new Answer(200, "{}"));
    }

    private Uni<Answer> workOrder(String eventId, String callId, JsonNode e) {
        JsonNode contact = e.path("contact");
        JsonNode enterprise = e.path("enterprise");
        WorkOrder order = new WorkOrder(text(e, "agentId"), text(contact, "name"), text(contact, "mobile"),
                text(e, "category"), text(e, "description"), text(enterprise, "uscc"), text(enterprise, "name"),
                text(e, "address"), text(e, "externalTicketNo"));
        List<FieldViolation> violations = new ArrayList<>(WorkOrderPolicy.check(order));
        String appealType = text(e, "appealType");
        if (appealType != null && Arrays.stream(AppealType.values()).noneMatch(t -> t.name().equals(appealType))) {
            violations.add(new FieldViolation("appealType", "appealType.invalid", "appealType is not a known type",
                    "诉求类型不正确"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalid(violations));
        }
        return intake.submit(eventId, callId, order, appealType, e.path("urgent").asBoolean(false))
                .map(accepted -> new Answer(201, json.createObjectNode().put("trackingNo", accepted.trackingNo())
                        .put("duplicate", accepted.duplicate()).toString()));
    }

    private JsonNode parse(byte[] rawBody) {
        try {
            JsonNode node = json.readTree(rawBody);
            if (node == null || !node.isObject()) {
                throw ProblemException.badRequest("body", "The body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", "The body is not well-formed JSON"));
        }
    }

    private static Instant occurredAt(JsonNode event) {
        String raw = text(event, "occurredAt");
        if (raw == null) {
            throw ProblemException.badRequest("occurredAt", "occurredAt is required (ISO-8601 instant)");
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("occurredAt", "occurredAt is an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
