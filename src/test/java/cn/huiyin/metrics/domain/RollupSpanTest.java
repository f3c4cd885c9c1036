package cn.huiyin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RollupSpanTest {

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void wholeMonthsInsideAndPartialDaysAtBothEnds() {
        RollupSpan span = RollupSpan.of(d("2025-11-20"), d("2026-02-03"));
        assertThat(span).isEqualTo(new RollupSpan(d("2025-11-20"), d("2025-11-30"), d("2025-12-01"), d("2026-01-01"),
                d("2026-02-01"), d("2026-02-03"), null, null, null, null));
        assertThat(span.monthsEnd()).isEqualTo(d("2026-01-31"));
    }

    @Test
    void aPeriodOfWholeMonthsHasNoDays() {
        RollupSpan span = RollupSpan.of(d("2025-11-01"), d("2026-10-31"));
        assertThat(span).isEqualTo(new RollupSpan(null, null, d("2025-11-01"), d("2026-10-01"), null, null, null, null,
                null, null));
    }

    @Test
    void aMonthMostlyCoveredIsReadAsTheMonthLessItsOtherDays() {
        assertThat(RollupSpan.of(d("2026-10-02"), d("2026-10-31"))).isEqualTo(new RollupSpan(null, null,
                d("2026-10-01"), d("2026-10-01"), null, null, d("2026-10-01"), d("2026-10-01"), null, null));
        assertThat(RollupSpan.of(d("2025-11-10"), d("2026-02-25"))).isEqualTo(new RollupSpan(null, null,
                d("2025-11-01"), d("2026-02-01"), null, null, d("2025-11-01"), d("2025-11-09"), d("2026-02-26"),
                d("2026-02-28")));
    }

    @Test
    void daysAfterTodayCostNothingToCut() {
        // the last 30 days on 7 December: November less its first 7 days, December less its (empty) days to come
        RollupSpan lastThirty = RollupSpan.of(d("2026-11-08"), d("2026-12-07"), d("2026-12-07"));
        assertThat(lastThirty).isEqualTo(new RollupSpan(null, null, d("2026-11-01"), d("2026-12-01"), null, null,
                d("2026-11-01"), d("2026-11-07"), d("2026-12-08"), d("2026-12-31")));
        // not knowing today, December's 7 days are read one by one
        assertThat(RollupSpan.of(d("2026-11-08"), d("2026-12-07")).tailFrom()).isEqualTo(d("2026-12-01"));
    }

    @Test
    void februaryOfALeapYearEndsOnThe29th() {
        assertThat(RollupSpan.of(d("2028-02-01"), d("2028-02-28")).cutAfterFrom()).isEqualTo(d("2028-02-29"));
        assertThat(RollupSpan.of(d("2028-02-01"), d("2028-02-29")).cutAfterFrom()).isNull();
    }

    @Test
    void withoutAMonthMostlyCoveredEverythingIsReadDayByDay() {
        assertThat(RollupSpan.of(d("2026-01-20"), d("2026-02-10"))).isEqualTo(new RollupSpan(d("2026-01-20"),
                d("2026-02-10"), null, null, null, null, null, null, null, null));
        assertThat(RollupSpan.of(d("2026-03-05"), d("2026-03-01")).hasMonths()).isFalse();
        assertThat(RollupSpan.of(null, d("2026-03-01")).hasMonths()).isFalse();
    }

    /**
     * Every day of the period is counted exactly once — in a day range, or in a month and not cut — and a day outside
     * it is either in no range or in a month and cut, with or without knowing today.
     */
    @Test
    void theRangesPartitionThePeriod() {
        SplittableRandom random = new SplittableRandom(7);
        LocalDate origin = d("2023-12-20");
        for (int i = 0; i < 4000; i++) {
            LocalDate from = origin.plusDays(random.nextInt(800));
            LocalDate to = from.plusDays(random.nextInt(i % 2 == 0 ? 40 : 500));
            LocalDate today = random.nextBoolean() ? null : to.plusDays(random.nextInt(5) - 2);
            RollupSpan span = RollupSpan.of(from, to, today);
            for (LocalDate day = from.minusDays(40); !day.isAfter(to.plusDays(40)); day = day.plusDays(1)) {
                int in = (within(day, span.headFrom(), span.headTo()) ? 1 : 0)
                        + (span.inMonths(day) && !span.isCut(day) ? 1 : 0)
                        + (within(day, span.tailFrom(), span.tailTo()) ? 1 : 0);
                assertThat(in).as("%s in %s", day, span).isEqualTo(within(day, from, to) ? 1 : 0);
                if (span.isCut(day)) {
                    assertThat(span.inMonths(day)).as("%s cut in %s", day, span).isTrue();
                }
            }
            if (span.hasMonths()) {
                assertThat(span.firstMonth().getDayOfMonth()).isEqualTo(1);
                assertThat(span.lastMonth().getDayOfMonth()).isEqualTo(1);
            }
        }
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return from != null && to != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
