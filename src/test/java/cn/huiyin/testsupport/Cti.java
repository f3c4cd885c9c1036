package cn.huiyin.testsupport;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import cn.huiyin.channel.phone.domain.SignatureVerifier;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Speaks the signed CTI contract the way a contact centre does. */
public final class Cti {

    public static final String KEY_ID = "demo";
    public static final String SECRET = "cti-demo-secret-0001";

    private Cti() {
    }

    public static ExtractableResponse<Response> post(String body) {
        return post(body, KEY_ID, SECRET, String.valueOf(Instant.now().getEpochSecond()));
    }

    public static ExtractableResponse<Response> post(String body, String keyId, String secret, String timestamp) {
        return post(body.getBytes(StandardCharsets.UTF_8), keyId, secret, timestamp);
    }

    /** Signs and sends exactly these bytes, which need not be UTF-8 or JSON. */
    public static ExtractableResponse<Response> post(byte[] raw) {
        return post(raw, KEY_ID, SECRET, String.valueOf(Instant.now().getEpochSecond()));
    }

    private static ExtractableResponse<Response> post(byte[] raw, String keyId, String secret, String timestamp) {
        return given().contentType("application/json").body(raw)
                .header(SignatureVerifier.KEY_ID_HEADER, keyId)
                .header(SignatureVerifier.TIMESTAMP_HEADER, timestamp)
                .header(SignatureVerifier.SIGNATURE_HEADER, SignatureVerifier.sign(secret, timestamp, raw))
                .post("/api/v1/channels/phone/events").then().extract();
    }

    public static String callEvent(String eventId, String event, String callId, String direction, String from,
            String occurredAt, String extra) {
        return "{\"eventId\":\"" + eventId + "\",\"event\":\"" + event + "\",\"callId\":\"" + callId
                + "\",\"direction\":\"" + direction + "\",\"from\":\"" + from + "\",\"to\":\"12345\","
                + "\"queue\":\"enterprise-appeal\",\"occurredAt\":\"" + occurredAt + "\"" + extra + "}";
    }

    public static String workOrder(String eventId, String callId, String mobile, String uscc, String category) {
        return "{\"eventId\":\"" + eventId + "\",\"event\":\"workOrder\",\"callId\":\"" + callId
                + "\",\"occurredAt\":\"2026-11-25T02:00:00Z\",\"agentId\":\"agent-007\","
                + "\"contact\":{\"name\":\"王先生\",\"mobile\":\"" + mobile + "\"},\"category\":\"" + category + "\","
                + "\"description\":\"来电人反映电子税务局开具数电发票时提示授信额度不足，影响开票，希望尽快协调。\","
                + (uscc == null ? "" : "\"enterprise\":{\"uscc\":\"" + uscc + "\",\"name\":\"广州来电科技有限公司\"},")
                + "\"externalTicketNo\":\"CC-1\"}";
    }
}
