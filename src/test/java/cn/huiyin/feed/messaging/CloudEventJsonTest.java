package cn.huiyin.feed.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.feed.domain.FeedEvent;

class CloudEventJsonTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final CloudEventJson JSON = new CloudEventJson(MAPPER, "https://huiyin.example.gov.cn/appeals");

    @Test
    void an_event_is_a_structured_cloud_event_with_its_id_subject_and_payload() throws Exception {
        FeedEvent dispatched = new FeedEvent(4711, 42, "2612070000017", 2, "DISPATCHED", false,
                Instant.parse("2026-12-07T02:15:30.123Z"), "system", null,
                "{\"unit\":\"TAX\",\"category\":\"TAX_SERVICE\",\"routedBy\":\"CATALOGUE\"}");
        JsonNode ce = MAPPER.readTree(JSON.write(dispatched));
        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.path("id").asText()).isEqualTo("4711");
        assertThat(ce.path("source").asText()).isEqualTo("https://huiyin.example.gov.cn/appeals");
        assertThat(ce.path("type").asText()).isEqualTo("cn.huiyin.appeal.dispatched");
        assertThat(ce.path("subject").asText()).isEqualTo("2612070000017");
        assertThat(ce.path("time").asText()).isEqualTo("2026-12-07T02:15:30.123Z");
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.path("appealseq").asInt()).isEqualTo(2);
        assertThat(ce.path("visibility").asText()).isEqualTo("public");
        assertThat(ce.path("data").path("payload").path("unit").asText()).isEqualTo("TAX");
        assertThat(ce.path("data").has("reason")).isFalse();
    }

    @Test
    void an_internal_note_carries_its_text_and_says_it_is_internal() throws Exception {
        FeedEvent note = new FeedEvent(4712, 42, "2612070000017", 3, "NOTE", true, Instant.parse("2026-12-07T03:00:00Z"),
                "commissioner-tax", "已联系税源管理科", "{\"visibleToEnterprise\":false}");
        JsonNode ce = MAPPER.readTree(JSON.write(note));
        assertThat(ce.path("visibility").asText()).isEqualTo("internal");
        assertThat(ce.path("data").path("reason").asText()).isEqualTo("已联系税源管理科");
        assertThat(ce.path("data").path("actor").asText()).isEqualTo("commissioner-tax");
    }

    @Test
    void a_payload_that_is_not_json_travels_as_text() throws Exception {
        FeedEvent odd = new FeedEvent(1, 1, "2612070000017", 1, "RECEIVED", false, Instant.EPOCH, "web", null, "not json{");
        assertThat(MAPPER.readTree(JSON.write(odd)).path("data").path("payload").asText()).isEqualTo("not json{");
    }
}
