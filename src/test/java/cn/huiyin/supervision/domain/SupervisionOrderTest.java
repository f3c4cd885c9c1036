package cn.huiyin.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SupervisionOrderTest {

    private static final Instant ISSUED = Instant.parse("2026-11-02T02:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-04T10:00:00Z");

    private static SupervisionOrder order(OrderState state) {
        return new SupervisionOrder(7, 70, "2611020000070", "TAX", "请说明超时原因", 2, "dispatcher:dispatcher-demo",
                ISSUED, DUE, state, state == OrderState.ESCALATED ? DUE : null, null, null, null);
    }

    @Test
    void the_units_leader_answers_an_open_order_in_time() {
        Instant at = DUE.minusSeconds(3600);
        OrderStep step = order(OrderState.OPEN).answer("TAX", "已联系企业并完成开票授信调整。", "unit-leader:leader-tax", at);

        SupervisionOrder answered = ((OrderStep.Moved) step).order();
        assertThat(answered.state()).isEqualTo(OrderState.ANSWERED);
        assertThat(answered.answer()).isEqualTo("已联系企业并完成开票授信调整。");
        assertThat(answered.answeredAt()).isEqualTo(at);
        assertThat(answered.answeredLate()).isFalse();
    }

    @Test
    void an_escalated_order_can_still_be_answered_and_counts_as_late() {
        OrderStep step = order(OrderState.ESCALATED).answer("TAX", "因系统故障延误，现已处理完毕。", "unit-leader:leader-tax",
                DUE.plusSeconds(86_400));

        SupervisionOrder answered = ((OrderStep.Moved) step).order();
        assertThat(answered.state()).isEqualTo(OrderState.ANSWERED);
        assertThat(answered.escalatedAt()).isEqualTo(DUE);
        assertThat(answered.answeredLate()).isTrue();
    }

    @Test
    void another_units_leader_may_not_answer_and_an_answer_is_given_once() {
        assertThat(order(OrderState.OPEN).answer("SAMR", "不是本单位的督办单说明", "unit-leader:leader-samr", ISSUED))
                .isEqualTo(new OrderStep.Refused(OrderStep.Refusal.NOT_YOURS));
        assertThat(order(OrderState.ANSWERED).answer("TAX", "第二次提交的情况说明", "unit-leader:leader-tax", ISSUED))
                .isEqualTo(new OrderStep.Refused(OrderStep.Refusal.ALREADY_ANSWERED));
    }

    @Test
    void an_open_order_escalates_only_once_its_deadline_has_passed() {
        assertThat(order(OrderState.OPEN).escalate(DUE.minusSeconds(1)))
                .isEqualTo(new OrderStep.Refused(OrderStep.Refusal.NOT_DUE));

        SupervisionOrder escalated = ((OrderStep.Moved) order(OrderState.OPEN).escalate(DUE)).order();
        assertThat(escalated.state()).isEqualTo(OrderState.ESCALATED);
        assertThat(escalated.escalatedAt()).isEqualTo(DUE);

        assertThat(escalated.escalate(DUE.plusSeconds(60))).isEqualTo(new OrderStep.Refused(OrderStep.Refusal.NOT_OPEN));
        assertThat(order(OrderState.ANSWERED).escalate(DUE.plusSeconds(60)))
                .isEqualTo(new OrderStep.Refused(OrderStep.Refusal.NOT_OPEN));
    }

    @Test
    void only_an_answered_order_stops_waiting() {
        assertThat(OrderState.OPEN.awaitsAnswer()).isTrue();
        assertThat(OrderState.ESCALATED.awaitsAnswer()).isTrue();
        assertThat(OrderState.ANSWERED.awaitsAnswer()).isFalse();
    }
}
