package cn.huiyin.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Cti;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The published known-answer request, sent byte for byte, is accepted by the endpoint. */
@QuarkusTest
@TestProfile(PhoneKnownAnswerTest.WideWindow.class)
class PhoneKnownAnswerTest {

    /** The vector is dated 2026-01-01; widen the replay window so its timestamp is not stale today. */
    public static class WideWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.phone.signature-tolerance", "36500d");
        }
    }

    @Test
    void the_published_vector_is_accepted() {
        String body = "{\"eventId\":\"evt-0001\",\"event\":\"newCall\",\"callId\":\"c-20260101-000001\",\"direction\":\"in\","
                + "\"from\":\"13800138000\",\"to\":\"12345\",\"queue\":\"enterprise-appeal\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
        var response = io.restassured.RestAssured.given().contentType("application/json")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Appeal-Key-Id", Cti.KEY_ID).header("X-Appeal-Timestamp", "1767225600")
                .header("X-Appeal-Signature", "sha256=0e2daa302deb8e9c1d4731d08343d5210e2300e2977785d80e67bf7f1ba1201d")
                .post("/api/v1/channels/phone/events").then().extract();
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
