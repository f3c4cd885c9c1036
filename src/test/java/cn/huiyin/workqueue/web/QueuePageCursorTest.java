package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.After;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.Order;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.QueueRow;

class QueuePageCursorTest {

    private static final Instant DUE = Instant.parse("2026-12-08T02:00:00.123456Z");

    private static QueueRow row(long id, Instant due, Double risk) {
        return new QueueRow(id, "2612070000013", "数电发票开具失败", "ACCEPTED", false, false, due, null, null, risk);
    }

    @Test
    void by_deadline_the_cursor_is_the_last_rows_due_time_and_id_and_reads_back_as_written() {
        assertThat(QueuePageCursor.after(Order.DEADLINE, row(42, DUE, 0.5))).isEqualTo("2026-12-08T02:00:00.123456Z,42");
        assertThat(QueuePageCursor.parse(Order.DEADLINE, "2026-12-08T02:00:00.123456Z,42")).isEqualTo(new After(null, DUE, 42));
        assertThat(QueuePageCursor.after(Order.DEADLINE, row(7, null, null))).isEqualTo("none,7");
        assertThat(QueuePageCursor.parse(Order.DEADLINE, "none,7")).isEqualTo(new After(null, Instant.MAX, 7));
    }

    @Test
    void riskiest_first_the_cursor_is_the_risk_then_past_the_risks_the_due_time_they_follow_by() {
        assertThat(QueuePageCursor.after(Order.RISK, row(42, DUE, 0.734))).isEqualTo("0.734,42");
        assertThat(QueuePageCursor.parse(Order.RISK, "0.734,42")).isEqualTo(new After(0.734, Instant.EPOCH, 42));
        assertThat(QueuePageCursor.after(Order.RISK, row(9, DUE, null))).isEqualTo("none,2026-12-08T02:00:00.123456Z,9");
        assertThat(QueuePageCursor.parse(Order.RISK, "none,2026-12-08T02:00:00.123456Z,9")).isEqualTo(new After(null, DUE, 9));
        assertThat(QueuePageCursor.parse(Order.RISK, "none,none,9")).isEqualTo(new After(null, Instant.MAX, 9));
    }

    @Test
    void an_address_the_page_did_not_write_starts_from_the_top() {
        for (String typed : new String[] { null, "", "nonsense", "7,1", "-0.1,3", "0.5", "none,x,1", "2026-13-01T00:00:00Z,1", "1,2,3,4",
                "+999999-01-01T00:00:00Z,1", "none,+999999-01-01T00:00:00Z,1" }) {
            assertThat(QueuePageCursor.parse(Order.RISK, typed)).as(typed).isEqualTo(After.first(Order.RISK));
            assertThat(QueuePageCursor.parse(Order.DEADLINE, typed)).as(typed).isEqualTo(After.first(Order.DEADLINE));
        }
    }
}
