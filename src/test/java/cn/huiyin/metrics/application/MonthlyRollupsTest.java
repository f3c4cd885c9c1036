package cn.huiyin.metrics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.MetricsFixture;
import cn.huiyin.metrics.domain.Rollup;
import cn.huiyin.metrics.domain.RollupSpan;
import cn.huiyin.metrics.persistence.RollupRepository;
import cn.huiyin.metrics.persistence.RollupRepository.Read;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Questions answered from whole months plus partial days give exactly what the daily rows alone give: every count,
 * custody sum and histogram bucket, the summary, the trend (daily and monthly) and the slowest units. The appeals are
 * received around the turn of the year (Beijing dates, some minutes before and after midnight, when the UTC date is
 * still the day before), answered in working time across the New Year holiday and weekends, and changed again after
 * they were first projected (rated, transferred to another unit), so the month cells are kept, not only built.
 */
@QuarkusTest
class MonthlyRollupsTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    MetricsFixture fixture;

    @Inject
    MetricsProjector projector;

    @Inject
    RollupRepository rollups;

    private static Instant bj(LocalDateTime time) {
        return time.atOffset(BEIJING).toInstant();
    }

    private record Question(LocalDate from, LocalDate to) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-31")),
            new Question(LocalDate.parse("2025-12-15"), LocalDate.parse("2026-02-10")),
            new Question(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-01")),
            new Question(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")),
            new Question(LocalDate.parse("2025-11-20"), LocalDate.parse("2026-03-05")),
            new Question(LocalDate.parse("2025-12-28"), LocalDate.parse("2026-02-03")),
            new Question(LocalDate.parse("2025-02-01"), LocalDate.parse("2026-01-31")),
            new Question(LocalDate.parse("2000-01-01"), LocalDate.parse("2026-12-31")),
            // 30-day windows read as months less the days they miss, across the turn of the year and its holiday
            new Question(LocalDate.parse("2025-12-03"), LocalDate.parse("2026-01-01")),
            new Question(LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-31")),
            new Question(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-29")),
            new Question(LocalDate.parse("2026-01-06"), LocalDate.parse("2026-02-04")),
            new Question(LocalDate.parse("2025-12-29"), LocalDate.parse("2026-01-27")),
            new Question(LocalDate.parse("2026-01-03"), LocalDate.parse("2026-01-28")));

    @Test
    void whole_months_and_partial_days_answer_exactly_as_the_days_alone() {
        String unit = fixture.newUnit();
        String other = fixture.newUnit();
        SplittableRandom random = new SplittableRandom(20251231);
        List<Long> appeals = new ArrayList<>();
        List<Instant> replied = new ArrayList<>();
        LocalDateTime first = LocalDateTime.parse("2025-12-28T00:00");
        for (int i = 0; i < 36; i++) {
            // a third of them within twenty minutes of a Beijing midnight, where the UTC date is the day before
            LocalDateTime received = i % 3 == 0
                    ? first.plusDays(random.nextInt(38)).minusMinutes(10 - random.nextInt(20))
                    : first.plusMinutes(random.nextLong(38L * 24 * 60));
            String street = random.nextBoolean() ? "ST-A" : "ST-B";
            String category = random.nextInt(3) == 0 ? "TAX_SERVICE" : "URBAN_MANAGEMENT";
            Instant at = bj(received);
            long id = fixture.appeal(unit, street, category, "DISPATCHED", at);
            Instant dispatched = at.plus(Duration.ofMinutes(5 + random.nextInt(60)));
            fixture.clock(id, "RESPOND", dispatched, dispatched.plus(Duration.ofHours(2)));
            fixture.clock(id, "HANDLE", dispatched, dispatched.plus(Duration.ofDays(3)));
            fixture.event(id, "RECEIVED", at, Map.of("channel", "WEB"));
            fixture.event(id, "DISPATCHED", dispatched, Map.of("unit", unit));
            if (random.nextInt(4) > 0) {
                Instant contact = dispatched.plus(Duration.ofMinutes(random.nextInt(6 * 60)));
                fixture.event(id, "FIRST_CONTACT", contact, Map.of());
                Instant reply = contact.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
                fixture.event(id, "REPLIED", reply, Map.of("answer", "已答复"));
                appeals.add(id);
                replied.add(reply);
            } else {
                fixture.event(id, "SLA_OVERDUE", dispatched.plus(Duration.ofHours(2)),
                        Map.of("clock", "RESPOND", "step", "OVERDUE"));
            }
        }
        projectEverything();
        assertSameAnswers(unit);

        // later events move appeals between cells and change sets inside whole months
        for (int i = 0; i < appeals.size(); i++) {
            long id = appeals.get(i);
            Instant after = replied.get(i).plus(Duration.ofHours(1));
            if (i % 3 == 0) {
                int level = 1 + random.nextInt(5);
                fixture.event(id, "RATED", after, Map.of("round", 1, "level", level, "resolved", random.nextBoolean(),
                        "defaulted", false, "good", level >= 3));
            } else if (i % 3 == 1) {
                fixture.event(id, "REWORK_OPENED", after, Map.of("round", 2));
                fixture.event(id, "TRANSFERRED", after.plusSeconds(60), Map.of("fromUnit", unit, "toUnit", other));
            }
        }
        projectEverything();
        assertSameAnswers(unit);
        assertSameAnswers(other);

        // a month is one row per cell: January of this unit is read from its month cells alone
        Read january = rollups.read(filter(QUESTIONS.get(3), unit, null), false).await().atMost(PATIENCE);
        Read januaryByDay = rollups.readDaily(filter(QUESTIONS.get(3), unit, null)).await().atMost(PATIENCE);
        assertThat(january.cells().keySet()).isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.day()).isEqualTo(LocalDate.parse("2026-01-01")));
        assertThat(january.cells()).hasSizeLessThan(januaryByDay.cells().size());

        // so is a 30-day window in it: January less its first day, the New Year holiday
        Read lastThirty = rollups.read(filter(QUESTIONS.get(9), unit, null), false).await().atMost(PATIENCE);
        assertThat(lastThirty.cells().keySet()).isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.day()).isEqualTo(LocalDate.parse("2026-01-01")));
    }

    /** Projects until no event and no month to backfill is left. */
    private void projectEverything() {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            projector.projectAll().await().atMost(PATIENCE);
            long left = fixture.pool().query("""
                    SELECT (SELECT count(*) FROM metrics_monthly_backfill)
                        + (SELECT count(*) FROM appeal_event WHERE id > (SELECT position FROM metrics_projector
                            WHERE name = 'appeal-facts')) AS left""")
                    .execute().await().atMost(PATIENCE).iterator().next().getLong("left");
            if (left == 0) {
                return;
            }
            assertThat(Instant.now()).as("projection did not catch up").isBefore(deadline);
        }
    }

    private void assertSameAnswers(String unit) {
        for (Question q : QUESTIONS) {
            for (RollupRepository.Filter filter : List.of(filter(q, unit, null), filter(q, null, null),
                    filter(q, unit, "ST-A"))) {
                Query query = new Query(filter.from(), filter.to(), filter.unit(), filter.street(), filter.category());
                Read byDay = rollups.readDaily(filter).await().atMost(PATIENCE);
                for (boolean dailyCounts : List.of(false, true)) {
                    // as read today, and as read on the question's last day (the days after it cut from its month)
                    for (boolean onLastDay : List.of(false, true)) {
                        Read mixed = onLastDay
                                ? rollups.read(filter, RollupSpan.of(q.from(), q.to(), q.to()), dailyCounts)
                                        .await().atMost(PATIENCE)
                                : rollups.read(filter, dailyCounts).await().atMost(PATIENCE);
                        assertSameFigures(mixed, byDay, query,
                                filter + (dailyCounts ? " with daily counts" : "") + (onLastDay ? " on its last day" : ""),
                                dailyCounts);
                    }
                }
            }
        }
    }

    private static void assertSameFigures(Read mixed, Read byDay, Query query, String what, boolean dailyCounts) {
        assertSame(MetricsQueryService.merged(mixed.cells().values()), MetricsQueryService.merged(byDay.cells().values()),
                what);
        assertThat(SummaryView.of(query, MetricsQueryService.merged(mixed.cells().values()), Map.of())).as(what)
                .isEqualTo(SummaryView.of(query, MetricsQueryService.merged(byDay.cells().values()), Map.of()));
        assertThat(MetricsQueryService.trend(mixed, true)).as(what).isEqualTo(MetricsQueryService.trend(byDay, true));
        assertThat(MetricsQueryService.slowestUnits(mixed, 50)).as(what)
                .isEqualTo(MetricsQueryService.slowestUnits(byDay, 50));
        if (dailyCounts) {
            assertThat(MetricsQueryService.trend(mixed, false)).as(what).isEqualTo(MetricsQueryService.trend(byDay, false));
        }
        assertThat(mixed.cells().values()).as(what).noneMatch(Rollup::isEmpty);
    }

    private static RollupRepository.Filter filter(Question q, String unit, String street) {
        return new RollupRepository.Filter(q.from(), q.to(), unit, street, null);
    }

    private static void assertSame(Rollup actual, Rollup expected, String what) {
        assertThat(actual.counts()).as(what).isEqualTo(expected.counts());
        assertThat(actual.custodyMinutes()).as(what).isEqualTo(expected.custodyMinutes());
        assertThat(actual.custodyAppeals()).as(what).isEqualTo(expected.custodyAppeals());
        assertThat(buckets(actual.response())).as(what + " response").isEqualTo(buckets(expected.response()));
        assertThat(buckets(actual.handling())).as(what + " handling").isEqualTo(buckets(expected.handling()));
    }

    /** Every recorded bucket: its value and count. */
    private static List<String> buckets(Histogram h) {
        List<String> buckets = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            buckets.add(v.getValueIteratedTo() + "×" + v.getCountAtValueIteratedTo());
        }
        return buckets;
    }
}
