package cn.huiyin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockRules;
import cn.huiyin.sla.domain.ClockUnit;
import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.domain.WorkCalendar;

/** The demo history is plausible: ordered events, a mix of outcomes, and folded facts with living figures. */
class DemoHistoryTest {

    private static final LocalDate EFFECTIVE = LocalDate.parse("2025-01-01");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void months_of_history_fold_into_living_figures() {
        WorkCalendar calendar = WorkCalendar.parseCsv(new InputStreamReader(
                DemoHistoryTest.class.getResourceAsStream("/reference/cn-work-calendar.csv"), StandardCharsets.UTF_8));
        DeadlineCalculator calculator = new DeadlineCalculator(calendar);
        SlaPlanner planner = new SlaPlanner(new ClockRules(List.of(
                new ClockRule(1, ClockKind.RESPOND, null, null, null, 1, ClockUnit.WORKING_HOURS, "响应", EFFECTIVE),
                new ClockRule(2, ClockKind.HANDLE, null, null, null, 10, ClockUnit.WORKING_DAYS, "办结", EFFECTIVE))),
                calculator);
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        List<DemoHistory.Appeal> appeals = new DemoHistory(7, planner, SHANGHAI).draw(600,
                List.of(new DemoHistory.Example("我司申请开具发票遇到问题，请协助。", "TAX_SERVICE", "TAX"),
                        new DemoHistory.Example("门前道路破损影响通行。", "ROAD", "STREET")),
                List.of("ST-SHIPAI", "ST-LIEDE"), now, 4);
        assertThat(appeals).hasSizeGreaterThan(500);
        AppealFactFolder folder = new AppealFactFolder((a, b) -> calculator.workingTimeBetween(a, b).toMinutes(), SHANGHAI);
        Rollup all = new Rollup();
        long n = 0;
        for (DemoHistory.Appeal a : appeals) {
            assertThat(a.events()).isSortedAccordingTo((x, y) -> x.at().compareTo(y.at()));
            assertThat(a.events()).allMatch(e -> !e.at().isAfter(now));
            List<StoredEvent> events = new java.util.ArrayList<>();
            for (DemoHistory.Event e : a.events()) {
                events.add(new StoredEvent(events.size() + 1, e.at(), e.event()));
            }
            Instant respondDue = a.clocks().stream().filter(c -> c.clock() == ClockKind.RESPOND).findFirst().orElseThrow().dueAt();
            Instant handleDue = a.clocks().stream().filter(c -> c.clock() == ClockKind.HANDLE).findFirst().orElseThrow().dueAt();
            all.add(folder.fold(new AppealBasics(++n, "T" + n, a.channel(), a.appealType(), a.category(), a.unit(), a.street(),
                    a.status(), a.receivedAt(), respondDue, handleDue), events));
        }
        for (Figure f : List.of(Figure.RESPONSE_RATE, Figure.RESOLUTION_RATE, Figure.SATISFACTION_RATE,
                Figure.ON_TIME_COMPLETION)) {
            assertThat(f.of(all)).as(f.name()).isBetween(0.3, 0.99);
        }
        assertThat(all.count(Count.RETURNED)).isPositive();
        assertThat(all.count(Count.REWORKED)).isPositive();
        assertThat(all.count(Count.EXCLUDED)).isPositive();
        assertThat(all.count(Count.OPEN)).isPositive();
    }
}
