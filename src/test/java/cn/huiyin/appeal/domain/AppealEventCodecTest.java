package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealEvent.Accepted;
import cn.huiyin.appeal.domain.AppealEvent.Assigned;
import cn.huiyin.appeal.domain.AppealEvent.AwaitingDispatch;
import cn.huiyin.appeal.domain.AppealEvent.Closed;
import cn.huiyin.appeal.domain.AppealEvent.Dispatched;
import cn.huiyin.appeal.domain.AppealEvent.Escalated;
import cn.huiyin.appeal.domain.AppealEvent.Extended;
import cn.huiyin.appeal.domain.AppealEvent.Rated;
import cn.huiyin.appeal.domain.AppealEvent.ReturnVisited;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;

/**
 * The payload text is hashed into the appeal's chain, so it must come out byte for byte as before the events were
 * typed: these are the texts the map-built payloads produced.
 */
class AppealEventCodecTest {

    private static String json(AppealEvent event) {
        return AppealEventCodec.payload(event);
    }

    @Test
    void components_are_written_in_declaration_order() {
        assertThat(json(new Dispatched("TAX", "TAX_SERVICE", "CLASSIFIER", 0.83)))
                .isEqualTo("{\"unit\":\"TAX\",\"category\":\"TAX_SERVICE\",\"routedBy\":\"CLASSIFIER\",\"confidence\":0.83}");
        assertThat(json(new Extended("HANDLE", 3, "2026-12-10T09:00:00Z")))
                .isEqualTo("{\"clock\":\"HANDLE\",\"workingDays\":3,\"dueAt\":\"2026-12-10T09:00:00Z\"}");
        assertThat(json(new Escalated("RESPOND", "WARNING", "2026-12-01T02:00:00Z", "commissioner")))
                .isEqualTo("{\"clock\":\"RESPOND\",\"step\":\"WARNING\",\"dueAt\":\"2026-12-01T02:00:00Z\","
                        + "\"recipients\":\"commissioner\"}");
    }

    @Test
    void an_optional_component_is_left_out_when_null_and_any_other_null_is_written() {
        assertThat(json(new Dispatched("TAX", "TAX_SERVICE", "CATALOGUE", null)))
                .isEqualTo("{\"unit\":\"TAX\",\"category\":\"TAX_SERVICE\",\"routedBy\":\"CATALOGUE\"}");
        assertThat(json(new AwaitingDispatch(null, "DISPATCHER", null)))
                .isEqualTo("{\"category\":null,\"routedBy\":\"DISPATCHER\"}");
        assertThat(json(new Assigned("c1", "CLAIMED", null))).isEqualTo("{\"assignee\":\"c1\",\"basis\":\"CLAIMED\"}");
        assertThat(json(new Assigned("c1", "LEAST_LOADED", "2026-12-01T03:00:00Z")))
                .isEqualTo("{\"assignee\":\"c1\",\"basis\":\"LEAST_LOADED\",\"claimExpiresAt\":\"2026-12-01T03:00:00Z\"}");
        assertThat(json(new Rated(1, 5, true, false, true, null, "企业评价：非常满意，问题已解决")))
                .isEqualTo("{\"round\":1,\"level\":5,\"resolved\":true,\"defaulted\":false,\"good\":true,"
                        + "\"summary\":\"企业评价：非常满意，问题已解决\"}");
        assertThat(json(new Rated(2, 2, false, false, false, "还没解决", "企业评价：不满意。还没解决")))
                .contains("\"good\":false,\"comment\":\"还没解决\",\"summary\"");
        assertThat(json(new ReturnVisited(1, "UNREACHED", null, null, false, false, "未能联系")))
                .isEqualTo("{\"round\":1,\"outcome\":\"UNREACHED\",\"resolved\":null,\"level\":null,\"overturned\":false,"
                        + "\"unresolvedClosure\":false,\"summary\":\"未能联系\"}");
    }

    @Test
    void an_event_without_components_has_an_empty_payload_and_text_is_escaped() {
        assertThat(json(new Closed())).isEqualTo("{}");
        assertThat(json(new Accepted("a\"b\\c\n"))).isEqualTo("{\"assignee\":\"a\\\"b\\\\c\\n\"}");
    }

    @Test
    void the_type_names_the_stored_row_and_a_ladder_step_its_own() {
        assertThat(new Dispatched("TAX", null, null, null).type()).isEqualTo("DISPATCHED");
        assertThat(new Escalated("HANDLE", "SUPERVISION", "x", "y").type()).isEqualTo("SLA_SUPERVISION");
        Instant at = Instant.parse("2026-12-01T02:00:00Z");
        NewEvent event = NewEvent.of(new Closed(), "system:evaluation", at, "r", Visibility.PUBLIC);
        assertThat(event).isEqualTo(new NewEvent("CLOSED", "system:evaluation", at, "r", Visibility.PUBLIC, "{}"));
    }

    @Test
    void a_notice_is_written_as_the_handlers_read_it() {
        assertThat(AppealEventCodec.payload(new AppealNotice.Replied("已办结", null, "2612010000013", "WEB", "REPLIED")))
                .isEqualTo("{\"answer\":\"已办结\",\"trackingNo\":\"2612010000013\",\"channel\":\"WEB\",\"status\":\"REPLIED\"}");
        assertThat(AppealEventCodec.payload(new AppealNotice.Replied("已办结", "2612010000021", "2612010000013", "PHONE",
                "MERGED"))).isEqualTo("{\"answer\":\"已办结\",\"parent\":\"2612010000021\",\"trackingNo\":\"2612010000013\","
                        + "\"channel\":\"PHONE\",\"status\":\"MERGED\"}");
        assertThat(AppealEventCodec.payload(new AppealNotice.RatingRequested("2612010000013", "WECHAT", 1, 1764900000L)))
                .isEqualTo("{\"trackingNo\":\"2612010000013\",\"channel\":\"WECHAT\",\"round\":1,\"linkExpiresAt\":1764900000}");
        Escalated escalated = new Escalated("HANDLE", "OVERDUE", "2026-12-01T02:00:00Z", "commissioner,unit-leader");
        AppealNotice relayed = AppealNotice.Relayed.escalated(escalated);
        assertThat(relayed.type()).isEqualTo("SlaEscalated");
        assertThat(AppealEventCodec.payload(relayed)).isEqualTo(AppealEventCodec.payload(escalated));
        assertThat(OutboxRow.of(7, relayed)).isEqualTo(new OutboxRow(7, "SlaEscalated", AppealEventCodec.payload(escalated)));
    }
}
