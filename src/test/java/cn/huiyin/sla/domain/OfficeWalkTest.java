package cn.huiyin.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Office time between two instants counts each working day between the first and the last as a whole day; the
 * answer must be the one a walk that places every day's openings in the zone gives, holidays, make-up days, unloaded
 * years and summer-time switches included.
 */
class OfficeWalkTest {

    private static final Instant FROM = Instant.parse("2023-11-01T00:00:00Z");
    /** Into 2028, past the reference file's last year, so that unloaded years are walked too. */
    private static final int SPAN_DAYS = 1_700;

    @Test
    void whole_days_agree_with_the_day_by_day_walk_on_the_reference_calendar() {
        agreeOnRandomSpans(ReferenceCalendar.calendar(), 20_000, 60);
    }

    @Test
    void whole_days_agree_with_the_day_by_day_walk_across_summer_time_switches() {
        WorkCalendar berlin = new WorkCalendar(Set.of(), Set.of(), Set.of(2025), WorkCalendar.DEFAULT_OFFICE_HOURS,
                ZoneId.of("Europe/Berlin"));
        agreeOnRandomSpans(berlin, 20_000, 400);

        // Monday 24 to Monday 31 March 2025, summer time starting on Sunday the 30th: six working days of 7 hours
        OfficeWalk walk = new OfficeWalk(berlin);
        assertThat(walk.between(Instant.parse("2025-03-24T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z")))
                .isEqualTo(Duration.ofHours(6 * 7));
    }

    @Test
    void a_span_on_one_day_or_none_is_clipped_to_its_openings() {
        OfficeWalk walk = new OfficeWalk(ReferenceCalendar.calendar());
        Instant monday = Instant.parse("2025-03-03T01:00:00Z"); // 09:00 in Shanghai

        assertThat(walk.between(monday, monday)).isZero();
        assertThat(walk.between(monday.plusSeconds(3600), monday.plusSeconds(6 * 3600))).isEqualTo(Duration.ofHours(3));
        assertThat(walk.between(monday.minusSeconds(3600), monday.plus(Duration.ofDays(7))))
                .isEqualTo(Duration.ofHours(5 * 7));
    }

    private static void agreeOnRandomSpans(WorkCalendar calendar, int spans, int longestDays) {
        Random random = new Random(20261208);
        for (int i = 0; i < spans; i++) {
            Instant from = FROM.plusSeconds(random.nextInt(SPAN_DAYS * 86_400));
            // on the minute as often as not, so that spans start and end on the openings' edges too
            from = random.nextBoolean() ? from : Instant.ofEpochSecond(from.getEpochSecond() / 1_800 * 1_800);
            Instant to = from.plusSeconds(random.nextInt(longestDays * 86_400 + 1));
            OfficeWalk fast = new OfficeWalk(calendar);
            OfficeWalk slow = new OfficeWalk(calendar);

            assertThat(fast.between(from, to)).as("%s → %s", from, to).isEqualTo(slow.betweenDayByDay(from, to));
            assertThat(fast.missingYears()).as("%s → %s", from, to).isEqualTo(slow.missingYears());
        }
    }
}
