package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.QueueRow;
import cn.huiyin.workqueue.web.WorkQueuePages.Line;
import cn.huiyin.workqueue.web.WorkQueuePages.Unit;

/** The commissioner's queue as shown: deadlines in Beijing time, the overdue marked, and where a transfer may go. */
class WorkQueueViewTest {

    private static final Instant NOW = Instant.parse("2026-12-09T09:00:00Z");

    private static final double EXPECTED_LATE_AT = 0.6;

    private static QueueRow row(String trackingNo, String status, Instant handleDueAt) {
        return row(trackingNo, status, handleDueAt, null);
    }

    private static QueueRow row(String trackingNo, String status, Instant handleDueAt, Double risk) {
        return new QueueRow(1, trackingNo, "数电发票开具失败", status, true, false, handleDueAt, null, null, risk);
    }

    @Test
    void a_deadline_is_shown_in_beijing_time_and_marked_once_it_has_passed() {
        List<Line> lines = WorkQueueView.lines(List.of(
                row("2612070000013", "ACCEPTED", Instant.parse("2026-12-09T10:00:00Z")),
                row("2612070000021", "HANDLING", Instant.parse("2026-12-09T08:59:00Z"))), NOW, EXPECTED_LATE_AT);

        assertThat(lines).containsExactly(
                new Line("2612070000013", "数电发票开具失败", "签收", true, false, "2026-12-09 18:00", false, "—", false),
                new Line("2612070000021", "数电发票开具失败", "办理", true, false, "2026-12-09 16:59", true, "—", false));
    }

    @Test
    void a_risk_is_a_whole_percentage_and_from_the_threshold_on_an_appeal_not_late_yet_is_expected_late() {
        Instant ahead = NOW.plusSeconds(3600);
        List<Line> lines = WorkQueueView.lines(List.of(row("2612070000013", "ACCEPTED", ahead, 0.596),
                row("2612070000021", "ACCEPTED", ahead, 0.6), row("2612070000039", "ACCEPTED", NOW.minusSeconds(60), 0.99)),
                NOW, EXPECTED_LATE_AT);

        assertThat(lines).extracting(Line::risk).containsExactly("60%", "60%", "99%");
        // the same percentage shown, but only the second reached the threshold; the third is late already
        assertThat(lines).extracting(Line::expectedLate).containsExactly(false, true, false);
    }

    @Test
    void the_deadline_itself_is_not_yet_overdue() {
        assertThat(WorkQueueView.lines(List.of(row("2612070000013", "DISPATCHED", NOW)), NOW, EXPECTED_LATE_AT).get(0).overdue()).isFalse();
    }

    @Test
    void an_appeal_without_a_running_handling_clock_has_no_deadline_and_is_never_overdue() {
        Line line = WorkQueueView.lines(List.of(row("2612070000013", "DISPATCHED", null)), NOW, EXPECTED_LATE_AT).get(0);
        assertThat(line.due()).isEqualTo("—");
        assertThat(line.overdue()).isFalse();
        assertThat(line.statusLabel()).isEqualTo("派单");
    }

    @Test
    void a_tracking_number_is_shown_and_linked_without_padding() {
        assertThat(WorkQueueView.lines(List.of(row("2612070000013  ", "REWORK", null)), NOW, EXPECTED_LATE_AT).get(0).trackingNo())
                .isEqualTo("2612070000013");
    }

    @Test
    void an_appeal_is_transferred_to_any_other_unit_listed_in_code_order() {
        Catalogue catalogue = new Catalogue(Map.of(), Map.of("TAX", "区税务局", "SAMR", "区市场监督管理局", "ECO", "区生态环境分局"));

        assertThat(WorkQueueView.transferTargets(catalogue, "SAMR"))
                .containsExactly(new Unit("ECO", "区生态环境分局"), new Unit("TAX", "区税务局"));
        assertThat(WorkQueueView.transferTargets(catalogue, null)).extracting(Unit::code).containsExactly("ECO", "SAMR", "TAX");
    }
}
