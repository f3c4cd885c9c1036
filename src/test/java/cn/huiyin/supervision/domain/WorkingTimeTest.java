package cn.huiyin.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.WorkCalendar;

/**
 * Reply deadlines and lateness in working time, on a calendar where Monday 2026-11-02 is a holiday and Saturday
 * 2026-11-07 a make-up workday (office hours 09:00–12:00 and 14:00–18:00 Beijing time: seven hours a day).
 */
class WorkingTimeTest {

    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(new WorkCalendar(
            Set.of(LocalDate.parse("2026-11-02")), Set.of(LocalDate.parse("2026-11-07")), Set.of(2026),
            WorkCalendar.DEFAULT_OFFICE_HOURS, WorkCalendar.DEFAULT_ZONE));

    private static Instant beijing(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    @ParameterizedTest(name = "issued {0}, {1} working days: due {2}")
    @CsvSource({
            // Friday afternoon: Monday is a holiday, so the first working day is Tuesday
            "2026-10-30T15:00:00, 1, 2026-11-03T18:00:00",
            "2026-10-30T15:00:00, 2, 2026-11-04T18:00:00",
            // the issuing day never counts, however early
            "2026-11-03T08:00:00, 1, 2026-11-04T18:00:00",
            // the make-up Saturday counts as a working day
            "2026-11-05T10:00:00, 2, 2026-11-07T18:00:00",
            "2026-11-05T10:00:00, 10, 2026-11-18T18:00:00" })
    void the_reply_deadline_is_the_close_of_the_nth_working_day_after_issue(String issued, int days, String due) {
        assertThat(ReplyDeadline.of(CALCULATOR, beijing(issued), days)).isEqualTo(beijing(due));
    }

    @Test
    void a_reply_deadline_is_one_to_ten_working_days() {
        assertThatThrownBy(() -> ReplyDeadline.of(CALCULATOR, beijing("2026-11-03T10:00:00"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyDeadline.of(CALCULATOR, beijing("2026-11-03T10:00:00"), 11))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "due {0}, now {1}: late {2} minutes, {3}")
    @CsvSource({
            // Friday 17:00 to Tuesday 10:30 over a weekend and a holiday Monday: 1 h on Friday, 1.5 h on Tuesday
            "2026-10-30T17:00:00, 2026-11-03T10:30:00, 150, 2小时30分",
            // a day more on top: Thursday 1 h, Friday 7 h, Tuesday 1.5 h
            "2026-10-29T17:00:00, 2026-11-03T10:30:00, 570, 1个工作日2小时30分",
            // over lunch nothing counts
            "2026-11-03T11:59:00, 2026-11-03T14:00:00, 1, 1分",
            // exactly two working days
            "2026-11-03T18:00:00, 2026-11-05T18:00:00, 840, 2个工作日" })
    void lateness_counts_office_time_only(String due, String now, long minutes, String words) {
        WorkingLateness late = WorkingLateness.of(CALCULATOR, beijing(due), beijing(now));

        assertThat(late.minutes()).isEqualTo(minutes);
        assertThat(late.words()).isEqualTo(words);
    }

    @Test
    void a_clock_not_yet_due_is_not_late() {
        WorkingLateness late = WorkingLateness.of(CALCULATOR, beijing("2026-11-04T18:00:00"), beijing("2026-11-03T10:00:00"));

        assertThat(late.late()).isEqualTo(Duration.ZERO);
        assertThat(late.words()).isEqualTo("不足1分钟");
    }
}
