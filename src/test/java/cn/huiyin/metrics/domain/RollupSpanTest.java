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
        RollupSpan span = RollupSpan.of(d("2025-11-15"), d("2026-02-03"));
        assertThat(span).isEqualTo(new RollupSpan(d("2025-11-15"), d("2025-11-30"), d("2025-12-01"), d("2026-01-01"),
                d("2026-02-01"), d("2026-02-03")));
        assertThat(span.monthsEnd()).isEqualTo(d("2026-01-31"));
    }

    @Test
    void aPeriodOfWholeMonthsHasNoDays() {
        RollupSpan span = RollupSpan.of(d("2025-11-01"), d("2026-10-31"));
        assertThat(span).isEqualTo(new RollupSpan(null, null, d("2025-11-01"), d("2026-10-01"), null, null));
    }

    @Test
    void februaryOfALeapYearEndsOnThe29th() {
        assertThat(RollupSpan.of(d("2028-02-01"), d("2028-02-28")).hasMonths()).isFalse();
        assertThat(RollupSpan.of(d("2028-02-01"), d("2028-02-29")).firstMonth()).isEqualTo(d("2028-02-01"));
    }

    @Test
    void withoutAWholeMonthEverythingIsReadDayByDay() {
        assertThat(RollupSpan.of(d("2026-01-02"), d("2026-02-27")))
                .isEqualTo(new RollupSpan(d("2026-01-02"), d("2026-02-27"), null, null, null, null));
        assertThat(RollupSpan.of(d("2026-03-05"), d("2026-03-01")).hasMonths()).isFalse();
        assertThat(RollupSpan.of(null, d("2026-03-01")).hasMonths()).isFalse();
    }

    /** Every day of the period is in exactly one range, and no day outside it is in any. */
    @Test
    void theRangesPartitionThePeriod() {
        SplittableRandom random = new SplittableRandom(7);
        LocalDate origin = d("2023-12-20");
        for (int i = 0; i < 2000; i++) {
            LocalDate from = origin.plusDays(random.nextInt(800));
            LocalDate to = from.plusDays(random.nextInt(500));
            RollupSpan span = RollupSpan.of(from, to);
            for (LocalDate day = from.minusDays(3); !day.isAfter(to.plusDays(3)); day = day.plusDays(1)) {
                int in = (within(day, span.headFrom(), span.headTo()) ? 1 : 0) + (span.inMonths(day) ? 1 : 0)
                        + (within(day, span.tailFrom(), span.tailTo()) ? 1 : 0);
                assertThat(in).as("%s in %s", day, span).isEqualTo(within(day, from, to) ? 1 : 0);
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
