package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.application.AppealView.TimelineEntry;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;

class TimelineWordsTest {

    private static final Catalogue CATALOGUE = new Catalogue(
            Map.of("TAX_SERVICE", new DispatchRule("TAX_SERVICE", "税费服务", "TAX", null),
                    "LOCAL", new DispatchRule("LOCAL", "属地事项", DispatchRule.BY_STREET, null)),
            Map.of("TAX", "国家税务总局广州市天河区税务局", "ST_SHIPAI", "石牌街道办事处"));

    private static String reason(String stored) {
        return TimelineWords.reason(stored, CATALOGUE);
    }

    @Test
    void the_routers_reasons_read_in_chinese_with_the_catalogues_names() {
        assertThat(reason("catalogue: TAX_SERVICE → TAX")).isEqualTo("按派单目录：税费服务 → 国家税务总局广州市天河区税务局");
        assertThat(reason("classifier: TAX_SERVICE at 0.83; catalogue: TAX_SERVICE → TAX"))
                .isEqualTo("智能分拨选定“税费服务”（把握度 0.83）；按派单目录：税费服务 → 国家税务总局广州市天河区税务局");
        assertThat(reason("routing is not sure: best LOCAL at 0.41, threshold 0.60"))
                .isEqualTo("智能分拨把握不足（最可能为“属地事项”，把握度 0.41，低于 0.60），由派单员分拨");
        assertThat(reason("local matter of street ST_SHIPAI")).isEqualTo("属地事项，交石牌街道办事处");
        assertThat(reason("local matter, but the enterprise's street is not known")).isEqualTo("属地事项，企业所在街道不明，由派单员分拨");
        assertThat(reason("no category given")).isEqualTo("未选择分类，由派单员分拨");
        assertThat(reason("category GONE is not in the catalogue")).isEqualTo("分类 GONE 不在派单目录中，由派单员分拨");
        assertThat(reason("not signed for in time")).isEqualTo("未按时签收，收回待重新分配");
    }

    @Test
    void a_code_the_catalogue_does_not_know_is_shown_as_it_is() {
        assertThat(reason("catalogue: NEW_THING → NEWUNIT")).isEqualTo("按派单目录：NEW_THING → NEWUNIT");
    }

    @Test
    void escalation_reasons_name_the_clock_in_chinese_and_typed_words_stay_as_typed() {
        assertThat(reason("RESPOND 预警")).isEqualTo("响应 预警");
        assertThat(reason("HANDLE 督办")).isEqualTo("处置 督办");
        assertThat(reason("UNKNOWN_CLOCK 预警")).isEqualTo("UNKNOWN_CLOCK 预警");
        assertThat(reason("企业补充材料后重新核查")).isEqualTo("企业补充材料后重新核查");
        assertThat(reason(null)).isEmpty();
    }

    @Test
    void actors_are_named_by_role_and_the_system_by_its_job() {
        assertThat(TimelineWords.actor("agent:agent-demo")).isEqualTo("话务员 agent-demo");
        assertThat(TimelineWords.actor("commissioner:commissioner-tax")).isEqualTo("服务专员 commissioner-tax");
        assertThat(TimelineWords.actor("unit-leader:leader-tax")).isEqualTo("单位领导 leader-tax");
        assertThat(TimelineWords.actor("system:sla")).isEqualTo("系统（时限）");
        assertThat(TimelineWords.actor("system:intake")).isEqualTo("系统（受理）");
        assertThat(TimelineWords.actor("system:something-new")).isEqualTo("系统");
        assertThat(TimelineWords.actor("web:anonymous")).isEqualTo("企业（网页）");
        assertThat(TimelineWords.actor("wechat:oXYZ123")).isEqualTo("企业（微信）").doesNotContain("oXYZ");
        assertThat(TimelineWords.actor("robot:x")).isEqualTo("robot:x");
        assertThat(TimelineWords.actor(null)).isEmpty();
    }

    @Test
    void a_step_that_spoke_to_the_enterprise_shows_its_words_before_any_reason() {
        Instant at = Instant.parse("2026-12-01T02:00:00Z");
        List<TimelineWords.Step> steps = TimelineWords.of(List.of(
                new TimelineEntry(1, "DISPATCHED", "已分拨", at, "system:intake", "catalogue: TAX_SERVICE → TAX", "PUBLIC", null),
                new TimelineEntry(2, "REPLIED", "已答复", at, "commissioner:c1", null, "PUBLIC", "已办结"),
                new TimelineEntry(3, "ASSIGNED", "已分配", at, "system:assignment", null, "INTERNAL", null)), CATALOGUE);
        assertThat(steps).extracting(TimelineWords.Step::note)
                .containsExactly("按派单目录：税费服务 → 国家税务总局广州市天河区税务局", "已办结", "");
        assertThat(steps).extracting(TimelineWords.Step::internal).containsExactly(false, false, true);
        assertThat(steps.get(1).actor()).isEqualTo("服务专员 c1");
    }
}
