package cn.huiyin.notify.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.huiyin.notify.wecom.domain.Textcard;
import cn.huiyin.sla.domain.EscalationStep;

/** What a notice says, and how it looks as a WeCom card. */
class NoticeWordsTest {

    private static final Instant DUE = Instant.parse("2026-12-07T02:00:00Z");

    private static NoticeWords.Text words(EscalationStep step, String clock, Audience audience) {
        return NoticeWords.of(new Escalation(1, clock, step, DUE), "2612070000013", "发票开具失败", audience);
    }

    @Test
    void the_title_names_the_step_the_clock_and_the_appeal() {
        assertThat(words(EscalationStep.WARNING, "HANDLE", Audience.HOLDER).title())
                .isEqualTo("【预警】处置时限 · 诉求 2612070000013");
        assertThat(words(EscalationStep.SUPERVISION, "RESPOND", Audience.DISTRICT_LEADERS).title())
                .isEqualTo("【督办】响应时限 · 诉求 2612070000013");
    }

    @Test
    void the_body_says_what_happened_and_what_this_reader_is_asked_to_do() {
        assertThat(words(EscalationStep.WARNING, "HANDLE", Audience.HOLDER).body())
                .isEqualTo("诉求「发票开具失败」的处置时限已用去80%。请尽快办理。");
        assertThat(words(EscalationStep.OVERDUE, "HANDLE", Audience.UNIT_LEADERS).body())
                .isEqualTo("诉求「发票开具失败」的处置时限已于 2026-12-07 10:00（北京时间）届满，尚未完成。请督促本单位尽快办结。");
        assertThat(words(EscalationStep.SUPERVISION, "HANDLE", Audience.SUPERVISION_DESK).body()).endsWith("已列入督办。请跟进督办。");
    }

    @Test
    void a_clock_this_version_does_not_know_is_shown_as_it_is() {
        assertThat(words(EscalationStep.WARNING, "NEW_CLOCK", Audience.HOLDER).title()).contains("NEW_CLOCK时限");
    }

    @Test
    void the_card_opens_the_appeals_page_and_escapes_what_the_enterprise_typed() {
        Textcard card = NoticeCard.of("【超时】处置时限 · 诉求 2612070000013", "诉求「<b>急</b> & 快」已超时。",
                "2612070000013 ", "commissioner", "https://huiyin.example.gov.cn/", "查看详情");
        assertThat(card.url()).isEqualTo("https://huiyin.example.gov.cn/workqueue/2612070000013");
        assertThat(card.description()).isEqualTo("<div class=\"gray\">诉求编号 2612070000013</div>"
                + "<div class=\"normal\">诉求「&lt;b&gt;急&lt;/b&gt; &amp; 快」已超时。</div>");
        assertThat(card.buttonText()).isEqualTo("查看详情");
    }

    @Test
    void a_district_leaders_card_opens_the_supervision_desk_not_the_work_queue_that_refuses_them() {
        Textcard card = NoticeCard.of("【督办】处置时限 · 诉求 2612070000013", "诉求「发票开具失败」已列入督办。",
                "2612070000013", "district-leader", "https://huiyin.example.gov.cn", "查看详情");
        assertThat(card.url()).isEqualTo("https://huiyin.example.gov.cn/supervision");
        assertThat(card.description()).contains("诉求编号 2612070000013");
    }
}
