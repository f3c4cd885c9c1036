package cn.huiyin.sla.domain;

import static cn.huiyin.sla.domain.ClockUnit.NATURAL_DAYS;
import static cn.huiyin.sla.domain.ClockUnit.NATURAL_HOURS;
import static cn.huiyin.sla.domain.ClockUnit.NATURAL_MINUTES;
import static cn.huiyin.sla.domain.ClockUnit.WORKING_DAYS;
import static cn.huiyin.sla.domain.ClockUnit.WORKING_HOURS;
import static cn.huiyin.sla.domain.ReferenceCalendar.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected instants are wall-clock times in Shanghai unless they end in {@code Z}; every one was
 * worked out by hand against a printed calendar and the State Council notices, not by this code.
 */
class DeadlineCalculatorTest {

    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(ReferenceCalendar.calendar());

    private static Deadline due(String startInShanghai, int amount, ClockUnit unit) {
        return CALCULATOR.dueAt(shanghai(startInShanghai), amount, unit);
    }

    // --- ordinary weeks ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{3}: {0} + {1} working days -> {2}")
    @CsvSource(textBlock = """
            2025-03-03T10:00, 1,  2025-03-04T18:00, Monday morning is due Tuesday evening
            2025-03-03T10:00, 2,  2025-03-05T18:00, Monday morning with two days is due Wednesday evening
            2025-03-03T08:00, 1,  2025-03-04T18:00, arriving before the office opens does not make Monday count
            2025-03-03T00:00, 1,  2025-03-04T18:00, arriving at midnight does not make Monday count
            2025-03-03T18:00, 1,  2025-03-04T18:00, arriving at closing time
            2025-03-03T23:59, 1,  2025-03-04T18:00, arriving late at night
            2025-03-06T10:00, 2,  2025-03-10T18:00, Thursday with two days runs over the weekend
            2025-03-07T16:00, 1,  2025-03-10T18:00, Friday afternoon is due Monday evening
            2025-03-08T10:00, 1,  2025-03-10T18:00, Saturday is due Monday evening
            2025-03-09T10:00, 1,  2025-03-10T18:00, Sunday is due Monday evening
            2025-03-03T10:00, 5,  2025-03-10T18:00, five days is a week
            2025-03-03T10:00, 10, 2025-03-17T18:00, ten days is two weeks
            2025-03-03T10:00, 15, 2025-03-24T18:00, fifteen days is three weeks
            """)
    void workingDaysInOrdinaryWeeksEndAtClosingTimeOfTheNthWorkingDayAfterTheStartDay(
            String start, int days, LocalDateTime expected, String scenario) {
        Deadline deadline = due(start, days, WORKING_DAYS);

        assertThat(deadline.due()).as(scenario).isEqualTo(shanghai(expected));
        assertThat(deadline.calendarComplete()).isTrue();
        assertThat(deadline.missingYears()).isEmpty();
    }

    @ParameterizedTest(name = "{3}: {0} + {1} working hours -> {2}")
    @CsvSource(textBlock = """
            2025-03-05T00:00,    1,  2025-03-05T10:00,    midnight waits for the office to open
            2025-03-05T08:00,    1,  2025-03-05T10:00,    before 09:00 the clock starts at 09:00
            2025-03-05T09:00,    1,  2025-03-05T10:00,    exactly at opening
            2025-03-05T09:30,    1,  2025-03-05T10:30,    inside the morning
            2025-03-05T11:00,    1,  2025-03-05T12:00,    an hour that ends exactly at lunch ends at 12:00
            2025-03-05T11:30,    1,  2025-03-05T14:30,    the lunch break does not count
            2025-03-05T11:59:30, 1,  2025-03-05T14:59:30, seconds are kept
            2025-03-05T12:00,    1,  2025-03-05T15:00,    exactly at 12:00 the morning is over
            2025-03-05T12:30,    1,  2025-03-05T15:00,    during the lunch break
            2025-03-05T13:59,    1,  2025-03-05T15:00,    a minute before the afternoon
            2025-03-05T14:00,    1,  2025-03-05T15:00,    exactly at the start of the afternoon
            2025-03-05T17:00,    1,  2025-03-05T18:00,    an hour that ends exactly at closing ends at 18:00
            2025-03-05T17:30,    1,  2025-03-06T09:30,    the rest carries over to the next morning
            2025-03-05T17:59,    1,  2025-03-06T09:59,    a minute before closing
            2025-03-05T18:00,    1,  2025-03-06T10:00,    exactly at closing
            2025-03-05T20:00,    1,  2025-03-06T10:00,    in the evening
            2025-03-05T23:59,    1,  2025-03-06T10:00,    just before midnight
            2025-03-07T17:30,    1,  2025-03-10T09:30,    Friday 17:30 carries over the weekend
            2025-03-07T18:00,    1,  2025-03-10T10:00,    Friday at closing
            2025-03-08T10:00,    1,  2025-03-10T10:00,    Saturday waits for Monday
            2025-03-09T20:00,    1,  2025-03-10T10:00,    Sunday evening waits for Monday
            2025-03-05T09:00,    3,  2025-03-05T12:00,    a whole morning
            2025-03-05T09:00,    4,  2025-03-05T15:00,    a morning and an hour
            2025-03-05T09:00,    7,  2025-03-05T18:00,    a whole office day
            2025-03-05T09:00,    8,  2025-03-06T10:00,    a day and an hour
            2025-03-03T09:00,    24, 2025-03-06T12:00,    three days and three hours from Monday
            2025-03-07T09:00,    14, 2025-03-10T18:00,    two office days over a weekend
            2025-03-07T09:00,    15, 2025-03-11T10:00,    two office days and an hour over a weekend
            """)
    void workingHoursCountOnlyOfficeTimeOnWorkingDays(String start, int hours, LocalDateTime expected, String scenario) {
        Deadline deadline = due(start, hours, WORKING_HOURS);

        assertThat(deadline.due()).as(scenario).isEqualTo(shanghai(expected));
        assertThat(deadline.calendarComplete()).isTrue();
    }

    // --- zero-length clocks ----------------------------------------------------------------------

    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @CsvSource(textBlock = """
            2025-03-05T09:00,    2025-03-05T09:00,    at opening it is due at once
            2025-03-05T10:15:30, 2025-03-05T10:15:30, inside office time it is due at once
            2025-03-05T11:59,    2025-03-05T11:59,    the last minute of the morning is office time
            2025-03-05T12:00,    2025-03-05T14:00,    at 12:00 it waits for the afternoon
            2025-03-05T12:30,    2025-03-05T14:00,    in the lunch break it waits for the afternoon
            2025-03-05T17:59,    2025-03-05T17:59,    the last minute of the day is office time
            2025-03-05T18:00,    2025-03-06T09:00,    at closing it waits for the next morning
            2025-03-05T08:00,    2025-03-05T09:00,    before opening it waits for 09:00
            2025-03-08T10:00,    2025-03-10T09:00,    on a Saturday it waits for Monday
            2025-10-01T10:00,    2025-10-09T09:00,    on National Day it waits for the first day back
            """)
    void aZeroWorkingClockIsDueWhenTheOfficeIsNextOpen(String start, LocalDateTime expected, String scenario) {
        assertThat(due(start, 0, WORKING_HOURS).due()).as(scenario).isEqualTo(shanghai(expected));
        assertThat(due(start, 0, WORKING_DAYS).due()).as(scenario).isEqualTo(shanghai(expected));
    }

    @ParameterizedTest
    @EnumSource(value = ClockUnit.class, names = {"NATURAL_MINUTES", "NATURAL_HOURS", "NATURAL_DAYS"})
    void aZeroNaturalClockIsDueAtItsStart(ClockUnit unit) {
        assertThat(due("2025-10-01T03:17", 0, unit).due()).isEqualTo(shanghai("2025-10-01T03:17"));
    }

    @ParameterizedTest
    @EnumSource(ClockUnit.class)
    void aNegativeAmountIsRefused(ClockUnit unit) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CALCULATOR.dueAt(shanghai("2025-03-05T10:00"), -1, unit))
                .withMessageContaining("negative");
    }

    @Test
    void nullsAreRefused() {
        Instant start = shanghai("2025-03-05T10:00");
        Deadline deadline = CALCULATOR.dueAt(start, 1, WORKING_HOURS);

        assertThatThrownBy(() -> CALCULATOR.dueAt(null, 1, WORKING_HOURS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CALCULATOR.dueAt(start, 1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CALCULATOR.pointAt(start, null, 80, WORKING_HOURS))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CALCULATOR.pointAt(start, deadline, 80, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CALCULATOR.workingTimeBetween(start, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DeadlineCalculator(null)).isInstanceOf(NullPointerException.class);
    }

    // --- natural time ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{4}")
    @CsvSource(textBlock = """
            2025-10-01T10:00, 30, NATURAL_MINUTES, 2025-10-01T10:30, urgent response on National Day ignores the holiday
            2025-03-05T23:00, 2,  NATURAL_HOURS,   2025-03-06T01:00, risk to life at night runs through the night
            2025-03-07T17:00, 24, NATURAL_HOURS,   2025-03-08T17:00, an outage on Friday evening is due on Saturday
            2025-09-30T10:00, 7,  NATURAL_DAYS,    2025-10-07T10:00, evaluation runs through the whole holiday
            2026-12-31T10:00, 7,  NATURAL_DAYS,    2027-01-07T10:00, natural days run into an unloaded year
            """)
    void naturalClocksArePlainElapsedTimeAndNeverNeedTheCalendar(
            String start, int amount, ClockUnit unit, LocalDateTime expected, String scenario) {
        Deadline deadline = due(start, amount, unit);

        assertThat(deadline.due()).as(scenario).isEqualTo(shanghai(expected));
        assertThat(deadline.calendarComplete()).isTrue();
        assertThat(deadline.missingYears()).isEmpty();
    }

    @Test
    void naturalDaysAreTwentyFourHourDaysEvenWhereClocksChange() {
        WorkCalendar berlin = new WorkCalendar(Set.of(), Set.of(), Set.of(2025), WorkCalendar.DEFAULT_OFFICE_HOURS,
                ZoneId.of("Europe/Berlin"));

        // 12:00 CET on the Saturday before summer time; 24 hours later it is 13:00 CEST.
        Deadline deadline = new DeadlineCalculator(berlin).dueAt(Instant.parse("2025-03-29T11:00:00Z"), 1, NATURAL_DAYS);

        assertThat(deadline.due()).isEqualTo(Instant.parse("2025-03-30T11:00:00Z"));
    }

    // --- every holiday block of 2025-2026 -------------------------------------------------------

    /**
     * Every run of consecutive HOLIDAY dates in the reference file, checked by hand: the working day
     * before it, and the deadlines for 1 working day from 10:00 and 1 working hour from 17:30 on that
     * day. {@code complete} is false only where the day before falls in the unloaded 2024.
     */
    private static final String EVERY_BLOCK = """
            2025 New Year,        2025-01-01, 2025-01-01, 2024-12-31T10:00, 2025-01-02T18:00, 2024-12-31T17:30, 2025-01-02T09:30, false
            2025 Spring Festival, 2025-01-28, 2025-02-04, 2025-01-27T10:00, 2025-02-05T18:00, 2025-01-27T17:30, 2025-02-05T09:30, true
            2025 Qingming,        2025-04-04, 2025-04-06, 2025-04-03T10:00, 2025-04-07T18:00, 2025-04-03T17:30, 2025-04-07T09:30, true
            2025 Labour Day,      2025-05-01, 2025-05-05, 2025-04-30T10:00, 2025-05-06T18:00, 2025-04-30T17:30, 2025-05-06T09:30, true
            2025 Dragon Boat,     2025-05-31, 2025-06-02, 2025-05-30T10:00, 2025-06-03T18:00, 2025-05-30T17:30, 2025-06-03T09:30, true
            2025 National Day,    2025-10-01, 2025-10-08, 2025-09-30T10:00, 2025-10-09T18:00, 2025-09-30T17:30, 2025-10-09T09:30, true
            2026 New Year,        2026-01-01, 2026-01-03, 2025-12-31T10:00, 2026-01-04T18:00, 2025-12-31T17:30, 2026-01-04T09:30, true
            2026 Spring Festival, 2026-02-15, 2026-02-23, 2026-02-14T10:00, 2026-02-24T18:00, 2026-02-14T17:30, 2026-02-24T09:30, true
            2026 Qingming,        2026-04-04, 2026-04-06, 2026-04-03T10:00, 2026-04-07T18:00, 2026-04-03T17:30, 2026-04-07T09:30, true
            2026 Labour Day,      2026-05-01, 2026-05-05, 2026-04-30T10:00, 2026-05-06T18:00, 2026-04-30T17:30, 2026-05-06T09:30, true
            2026 Dragon Boat,     2026-06-19, 2026-06-21, 2026-06-18T10:00, 2026-06-22T18:00, 2026-06-18T17:30, 2026-06-22T09:30, true
            2026 Mid-Autumn,      2026-09-25, 2026-09-27, 2026-09-24T10:00, 2026-09-28T18:00, 2026-09-24T17:30, 2026-09-28T09:30, true
            2026 National Day,    2026-10-01, 2026-10-07, 2026-09-30T10:00, 2026-10-08T18:00, 2026-09-30T17:30, 2026-10-08T09:30, true
            """;

    @ParameterizedTest(name = "{0}: 1 working day from {3} -> {4}")
    @CsvSource(textBlock = EVERY_BLOCK)
    void oneWorkingDayFromTheDayBeforeAHolidayIsDueAtClosingOnTheFirstDayBack(String block, LocalDate first,
            LocalDate last, LocalDateTime received, LocalDateTime expected, LocalDateTime hourClockStart,
            LocalDateTime hourClockDue, boolean hourClockComplete) {
        Deadline deadline = CALCULATOR.dueAt(shanghai(received), 1, WORKING_DAYS);

        assertThat(deadline.due()).as(block).isEqualTo(shanghai(expected));
        assertThat(deadline.calendarComplete()).as("only days after the start day are walked").isTrue();
    }

    @ParameterizedTest(name = "{0}: 1 working hour from {5} -> {6}")
    @CsvSource(textBlock = EVERY_BLOCK)
    void oneWorkingHourFromHalfPastFiveBeforeAHolidayIsDueAtHalfPastNineOnTheFirstDayBack(String block,
            LocalDate first, LocalDate last, LocalDateTime dayClockStart, LocalDateTime dayClockDue,
            LocalDateTime received, LocalDateTime expected, boolean complete) {
        Deadline deadline = CALCULATOR.dueAt(shanghai(received), 1, WORKING_HOURS);

        assertThat(deadline.due()).as(block).isEqualTo(shanghai(expected));
        assertThat(deadline.calendarComplete()).as(block).isEqualTo(complete);
    }

    @Test
    void theHandCheckedTableCoversEveryHolidayBlockInTheReferenceFile() {
        List<ReferenceCalendar.Block> inTable = EVERY_BLOCK.lines()
                .map(line -> line.split(","))
                .map(cells -> new ReferenceCalendar.Block(
                        LocalDate.parse(cells[1].strip()), LocalDate.parse(cells[2].strip())))
                .toList();

        assertThat(ReferenceCalendar.holidayBlocks()).containsExactlyElementsOf(inTable);
    }

    static Stream<ReferenceCalendar.Block> everyHolidayBlockInTheReferenceFile() {
        return ReferenceCalendar.holidayBlocks().stream();
    }

    /** Generated from the raw rows of the file, with a naive reading of them as the oracle. */
    @ParameterizedTest(name = "block {0}")
    @MethodSource("everyHolidayBlockInTheReferenceFile")
    void aClockStartedJustBeforeAnyHolidayBlockResumesOnTheFirstWorkingDayAfterIt(ReferenceCalendar.Block block) {
        LocalDate before = ReferenceCalendar.naiveWorkingDayBefore(block.first());
        LocalDate after = ReferenceCalendar.naiveWorkingDayAfter(block.last());

        assertThat(CALCULATOR.dueAt(shanghai(before.atTime(10, 0)), 1, WORKING_DAYS).due())
                .isEqualTo(shanghai(after.atTime(18, 0)));
        assertThat(CALCULATOR.dueAt(shanghai(before.atTime(17, 30)), 1, WORKING_HOURS).due())
                .isEqualTo(shanghai(after.atTime(9, 30)));
        assertThat(CALCULATOR.workingTimeBetween(shanghai(before.atTime(18, 0)), shanghai(after.atTime(9, 0))))
                .isEqualTo(Duration.ZERO);
    }

    static Stream<LocalDate> everyListedHoliday() {
        return ReferenceCalendar.rows().stream().filter(row -> row.kind().equals("HOLIDAY"))
                .map(ReferenceCalendar.Row::date);
    }

    /** Generated from the raw rows: an appeal arriving on any day off waits for the first day back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyListedHoliday")
    void anHourStartedOnAnyHolidayEndsAtTenOnTheFirstWorkingDayAfter(LocalDate holiday) {
        LocalDate after = ReferenceCalendar.naiveWorkingDayAfter(holiday);

        assertThat(CALCULATOR.dueAt(shanghai(holiday.atTime(10, 0)), 1, WORKING_HOURS).due())
                .isEqualTo(shanghai(after.atTime(10, 0)));
        assertThat(CALCULATOR.dueAt(shanghai(holiday.atTime(10, 0)), 1, WORKING_DAYS).due())
                .isEqualTo(shanghai(after.atTime(18, 0)));
    }

    // --- hand-checked holiday stories ------------------------------------------------------------

    @ParameterizedTest(name = "{4}")
    @CsvSource(textBlock = """
            2025-01-24T10:00, 1,  WORKING_DAYS,  2025-01-26T18:00, 2025 Spring Festival: Friday is due on the make-up Sunday
            2025-01-24T17:30, 1,  WORKING_HOURS, 2025-01-26T09:30, 2025 Spring Festival: Friday evening carries over to the make-up Sunday
            2025-01-26T10:00, 1,  WORKING_DAYS,  2025-01-27T18:00, 2025 Spring Festival: the make-up Sunday is due Monday
            2025-01-27T10:00, 2,  WORKING_DAYS,  2025-02-06T18:00, 2025 Spring Festival: two days skip the eight days off
            2025-01-27T10:00, 5,  WORKING_DAYS,  2025-02-10T18:00, 2025 Spring Festival: the fourth day is the make-up Saturday 02-08
            2025-01-28T10:00, 1,  WORKING_HOURS, 2025-02-05T10:00, 2025 Spring Festival: arriving on the eve waits for 02-05
            2025-02-07T17:30, 1,  WORKING_HOURS, 2025-02-08T09:30, 2025 Spring Festival: Friday evening carries over to the make-up Saturday
            2025-09-26T10:00, 1,  WORKING_DAYS,  2025-09-28T18:00, 2025 National Day: Friday is due on the make-up Sunday
            2025-09-26T10:00, 2,  WORKING_DAYS,  2025-09-29T18:00, 2025 National Day: second day is Monday 09-29
            2025-09-26T10:00, 3,  WORKING_DAYS,  2025-09-30T18:00, 2025 National Day: third day is Tuesday 09-30
            2025-09-26T10:00, 4,  WORKING_DAYS,  2025-10-09T18:00, 2025 National Day: fourth day is the first day back
            2025-09-26T10:00, 6,  WORKING_DAYS,  2025-10-11T18:00, 2025 National Day: sixth day is the make-up Saturday
            2025-09-26T10:00, 7,  WORKING_DAYS,  2025-10-13T18:00, 2025 National Day: seventh day is the Monday after
            2025-09-22T10:00, 15, WORKING_DAYS,  2025-10-17T18:00, 2025 National Day: a complaint's fifteen days
            2025-09-30T14:00, 8,  WORKING_HOURS, 2025-10-09T15:00, 2025 National Day: four hours before and four after the break
            2025-10-03T10:00, 1,  WORKING_HOURS, 2025-10-09T10:00, 2025 National Day: arriving during the holiday
            2026-02-13T10:00, 1,  WORKING_DAYS,  2026-02-14T18:00, 2026 Spring Festival: Friday is due on the make-up Saturday
            2026-02-14T10:00, 1,  WORKING_DAYS,  2026-02-24T18:00, 2026 Spring Festival: the make-up Saturday is due after nine days off
            2026-02-14T10:00, 5,  WORKING_DAYS,  2026-02-28T18:00, 2026 Spring Festival: the fifth day is the make-up Saturday 02-28
            2025-12-31T10:00, 1,  WORKING_DAYS,  2026-01-04T18:00, 2026 New Year: the last day of 2025 is due on the make-up Sunday
            """)
    void holidayStoriesCheckedByHand(String start, int amount, ClockUnit unit, LocalDateTime expected, String story) {
        Deadline deadline = due(start, amount, unit);

        assertThat(deadline.due()).as(story).isEqualTo(shanghai(expected));
        assertThat(deadline.calendarComplete()).isTrue();
    }

    // --- make-up weekend days --------------------------------------------------------------------

    @ParameterizedTest(name = "received {0} -> due {1}")
    @CsvSource(textBlock = """
            2025-02-07T10:00, 2025-02-08T18:00
            2025-10-10T10:00, 2025-10-11T18:00
            2026-02-13T10:00, 2026-02-14T18:00
            2026-02-27T10:00, 2026-02-28T18:00
            2026-05-08T10:00, 2026-05-09T18:00
            2026-10-09T10:00, 2026-10-10T18:00
            """)
    void oneWorkingDayFromTheFridayBeforeAMakeUpSaturdayIsDueThatSaturday(String friday, LocalDateTime expected) {
        assertThat(due(friday, 1, WORKING_DAYS).due()).isEqualTo(shanghai(expected));
    }

    @ParameterizedTest(name = "received {0} -> due {1}")
    @CsvSource(textBlock = """
            2025-01-25T10:00, 2025-01-26T18:00
            2025-04-26T10:00, 2025-04-27T18:00
            2025-09-27T10:00, 2025-09-28T18:00
            2026-01-03T10:00, 2026-01-04T18:00
            2026-09-19T10:00, 2026-09-20T18:00
            """)
    void oneWorkingDayFromTheSaturdayBeforeAMakeUpSundayIsDueThatSunday(String saturday, LocalDateTime expected) {
        assertThat(due(saturday, 1, WORKING_DAYS).due()).isEqualTo(shanghai(expected));
    }

    @ParameterizedTest(name = "received {0} -> due {1}")
    @CsvSource(textBlock = """
            2025-01-26T10:00, 2025-01-27T18:00
            2025-02-08T10:00, 2025-02-10T18:00
            2025-04-27T10:00, 2025-04-28T18:00
            2025-09-28T10:00, 2025-09-29T18:00
            2025-10-11T10:00, 2025-10-13T18:00
            2026-01-04T10:00, 2026-01-05T18:00
            2026-02-14T10:00, 2026-02-24T18:00
            2026-02-28T10:00, 2026-03-02T18:00
            2026-05-09T10:00, 2026-05-11T18:00
            2026-09-20T10:00, 2026-09-21T18:00
            2026-10-10T10:00, 2026-10-12T18:00
            """)
    void anAppealReceivedOnAMakeUpDayCountsFromTheNextWorkingDay(String makeUpDay, LocalDateTime expected) {
        assertThat(due(makeUpDay, 1, WORKING_DAYS).due()).isEqualTo(shanghai(expected));
    }

    @Test
    void aMakeUpSaturdayHasOrdinaryOfficeHoursWithALunchBreak() {
        assertThat(due("2025-02-08T11:30", 1, WORKING_HOURS).due()).isEqualTo(shanghai("2025-02-08T14:30"));
        assertThat(CALCULATOR.workingTimeBetween(shanghai("2025-02-08T00:00"), shanghai("2025-02-09T00:00")))
                .isEqualTo(Duration.ofHours(7));
    }

    // --- time zones -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{4}")
    @CsvSource(textBlock = """
            2025-09-30T17:00:00Z, 1, WORKING_HOURS, 2025-10-09T02:00:00Z, 17:00 UTC on 09-30 is 01:00 on National Day in Shanghai
            2025-09-30T17:00:00Z, 1, WORKING_DAYS,  2025-10-09T10:00:00Z, the holiday start day does not count and the deadline is 18:00 Shanghai
            2025-09-30T09:30:00Z, 1, WORKING_HOURS, 2025-10-09T01:30:00Z, 17:30 in Shanghai on the last day before the holiday
            2025-03-05T01:00:00Z, 1, WORKING_HOURS, 2025-03-05T02:00:00Z, 09:00 in Shanghai is 01:00 UTC
            2025-03-05T03:30:00Z, 1, WORKING_HOURS, 2025-03-05T06:30:00Z, 11:30 in Shanghai skips lunch
            2025-01-05T16:30:00Z, 1, WORKING_DAYS,  2025-01-07T10:00:00Z, Sunday in UTC is already Monday 00:30 in Shanghai
            2025-12-31T16:30:00Z, 1, WORKING_DAYS,  2026-01-04T10:00:00Z, New Year's Eve in UTC is New Year's Day in Shanghai
            2025-10-10T17:00:00Z, 1, WORKING_HOURS, 2025-10-11T02:00:00Z, Friday night in UTC is the make-up Saturday in Shanghai
            """)
    void daysAndOfficeHoursAreThoseOfShanghaiWhateverZoneTheStartIsWrittenIn(
            Instant start, int amount, ClockUnit unit, Instant expected, String scenario) {
        assertThat(CALCULATOR.dueAt(start, amount, unit).due()).as(scenario).isEqualTo(expected);
    }

    @Test
    void aCalendarInAnotherZoneKeepsOfficeHoursInThatZone() {
        WorkCalendar utc = WorkCalendar.parseCsv(new StringReader("date,kind,name\n2025-10-01,HOLIDAY,x\n"),
                WorkCalendar.DEFAULT_OFFICE_HOURS, ZoneId.of("UTC"));

        Deadline deadline = new DeadlineCalculator(utc).dueAt(Instant.parse("2025-09-30T17:00:00Z"), 1, WORKING_HOURS);

        assertThat(deadline.due()).isEqualTo(Instant.parse("2025-09-30T18:00:00Z"));
    }

    @Test
    void officeHoursFollowTheWallClockAcrossADaylightSavingChange() {
        WorkCalendar berlin = new WorkCalendar(Set.of(), Set.of(), Set.of(2025), WorkCalendar.DEFAULT_OFFICE_HOURS,
                ZoneId.of("Europe/Berlin"));

        // Friday 17:30 CET (16:30Z); summer time starts on Sunday; Monday 09:30 CEST is 07:30Z.
        Deadline deadline = new DeadlineCalculator(berlin).dueAt(Instant.parse("2025-03-28T16:30:00Z"), 1, WORKING_HOURS);

        assertThat(deadline.due()).isEqualTo(Instant.parse("2025-03-31T07:30:00Z"));
    }

    // --- years whose holidays are not announced yet ---------------------------------------------

    @ParameterizedTest(name = "{4}")
    @CsvSource(textBlock = """
            2026-12-31T10:00, 1, WORKING_DAYS,  2027-01-01T18:00, 2027, walking into 2027 falls back to Mon-Fri
            2026-12-31T17:30, 1, WORKING_HOURS, 2027-01-01T09:30, 2027, an hour that carries into 2027
            2027-02-05T10:00, 1, WORKING_DAYS,  2027-02-08T18:00, 2027, entirely in 2027 the weekend is still skipped
            2024-12-30T10:00, 1, WORKING_DAYS,  2024-12-31T18:00, 2024, the end of 2024 is not loaded
            2024-10-01T10:00, 1, WORKING_DAYS,  2024-10-02T18:00, 2024, the real 2024 National Day is unknown here so it is a plain Wednesday
            2024-12-31T17:30, 1, WORKING_HOURS, 2025-01-02T09:30, 2024, the hour clock had to read 2024-12-31 itself
            """)
    void aYearThatIsNotLoadedFallsBackToMondayToFridayAndSaysSo(
            String start, int amount, ClockUnit unit, LocalDateTime expected, int missingYear, String scenario) {
        Deadline deadline = due(start, amount, unit);

        assertThat(deadline.due()).as(scenario).isEqualTo(shanghai(expected));
        assertThat(deadline.calendarComplete()).as(scenario).isFalse();
        assertThat(deadline.missingYears()).as(scenario).containsExactly(missingYear);
    }

    @Test
    void aWorkingDayClockStartedInAnUnloadedYearIsCompleteWhenItOnlyCountsLoadedDays() {
        // The start day never counts, so 2024-12-31 is never looked up: 2025-01-01 is off, 01-02 is day one.
        Deadline deadline = due("2024-12-31T10:00", 1, WORKING_DAYS);

        assertThat(deadline.due()).isEqualTo(shanghai("2025-01-02T18:00"));
        assertThat(deadline.calendarComplete()).isTrue();
    }

    @Test
    void everyMissingYearIsListedInOrder() {
        WorkCalendar only2025 = new WorkCalendar(Set.of(), Set.of(), Set.of(2025), WorkCalendar.DEFAULT_OFFICE_HOURS,
                WorkCalendar.DEFAULT_ZONE);

        // 2024-12-31 is day 1, the 261 weekdays of 2025 are days 2-262, 2026-01-01 is day 263.
        Deadline deadline = new DeadlineCalculator(only2025).dueAt(shanghai("2024-12-30T10:00"), 263, WORKING_DAYS);

        assertThat(deadline.due()).isEqualTo(shanghai("2026-01-01T18:00"));
        assertThat(deadline.calendarComplete()).isFalse();
        assertThat(deadline.missingYears()).containsExactly(2024, 2026);
    }

    @Test
    void aDeadlineIsCompleteExactlyWhenNoYearIsMissing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Deadline(shanghai("2027-01-01T18:00"), true, Set.of(2027)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Deadline(shanghai("2027-01-01T18:00"), false, Set.of()));
    }

    @Test
    void aDeadlineKeepsItsOwnSortedUnchangeableCopyOfTheMissingYears() {
        Set<Integer> years = new HashSet<>(Set.of(2027, 2024));
        Deadline deadline = new Deadline(shanghai("2027-01-01T18:00"), false, years);

        years.add(2030);

        assertThat(deadline.missingYears()).containsExactly(2024, 2027);
        assertThatThrownBy(() -> deadline.missingYears().add(2031)).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- points along the clock (80% yellow light) ----------------------------------------------

    @ParameterizedTest(name = "{5}")
    @CsvSource(textBlock = """
            2025-03-05T09:00, 1,  WORKING_HOURS,   80,  2025-03-05T09:48, 80% of one working hour from 09:00
            2025-03-05T09:00, 1,  WORKING_HOURS,   0,   2025-03-05T09:00, 0% is the start inside office time
            2025-03-05T09:00, 1,  WORKING_HOURS,   50,  2025-03-05T09:30, half of one working hour
            2025-03-05T09:00, 1,  WORKING_HOURS,   100, 2025-03-05T10:00, 100% is the deadline
            2025-03-05T09:00, 1,  WORKING_HOURS,   150, 2025-03-05T10:30, 150% lies past the deadline
            2025-03-05T11:30, 1,  WORKING_HOURS,   80,  2025-03-05T14:18, 80% of an hour that straddles lunch
            2025-03-07T17:30, 1,  WORKING_HOURS,   80,  2025-03-10T09:18, 80% of an hour that straddles a weekend
            2025-03-05T20:00, 1,  WORKING_HOURS,   0,   2025-03-06T09:00, 0% of a clock started at night is when the office opens
            2025-03-03T10:00, 2,  WORKING_DAYS,    80,  2025-03-05T12:00, 16 of 20 office hours end exactly at lunch
            2025-03-03T10:00, 10, WORKING_DAYS,    80,  2025-03-13T16:48, 60h48m of 76 office hours
            2025-03-03T10:00, 10, WORKING_DAYS,    100, 2025-03-17T18:00, 100% of ten working days is the deadline
            2025-03-08T10:00, 10, WORKING_DAYS,    80,  2025-03-19T18:00, from a Saturday 80% is eight full office days
            2025-09-26T10:00, 10, WORKING_DAYS,    80,  2025-10-14T16:48, 80% of ten working days across National Day
            2025-03-05T10:00, 30, NATURAL_MINUTES, 80,  2025-03-05T10:24, 80% of the urgent 30-minute response
            2025-03-05T10:00, 2,  NATURAL_HOURS,   80,  2025-03-05T11:36, 80% of two natural hours
            2025-10-01T23:00, 2,  NATURAL_HOURS,   80,  2025-10-02T00:36, natural hours ignore the night and the holiday
            2025-03-07T17:00, 24, NATURAL_HOURS,   80,  2025-03-08T12:12, 80% of an outage's 24 hours lands on Saturday
            2025-03-03T10:00, 7,  NATURAL_DAYS,    80,  2025-03-09T00:24, 80% of seven natural days
            """)
    void thePointAtWhichAShareOfTheBudgetIsUsed(String start, int amount, ClockUnit unit, int percent,
            LocalDateTime expected, String scenario) {
        Deadline deadline = due(start, amount, unit);

        assertThat(CALCULATOR.pointAt(shanghai(start), deadline, percent, unit)).as(scenario)
                .isEqualTo(shanghai(expected));
    }

    @Test
    void aPercentageMustNotBeNegative() {
        Deadline deadline = due("2025-03-05T09:00", 1, WORKING_HOURS);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CALCULATOR.pointAt(shanghai("2025-03-05T09:00"), deadline, -1, WORKING_HOURS));
    }

    @Test
    void aDeadlineBeforeItsStartIsRefused() {
        Deadline deadline = due("2025-03-05T09:00", 1, WORKING_HOURS);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CALCULATOR.pointAt(shanghai("2025-03-05T11:00"), deadline, 80, WORKING_HOURS))
                .withMessageContaining("before its start");
    }

    // --- working time between two instants -------------------------------------------------------

    @ParameterizedTest(name = "{3}")
    @CsvSource(textBlock = """
            2025-03-07T16:00, 2025-03-10T10:00, PT3H,     across an ordinary weekend
            2025-09-30T16:00, 2025-10-09T10:00, PT3H,     across the 2025 National Day block
            2025-09-26T17:00, 2025-09-29T09:30, PT8H30M,  across a weekend whose Sunday is a make-up day
            2025-01-27T09:00, 2025-02-05T18:00, PT14H,    across the 2025 Spring Festival
            2026-02-13T09:00, 2026-02-24T18:00, PT21H,    across the 2026 Spring Festival with its make-up Saturday
            2025-10-01T09:00, 2025-10-08T18:00, PT0S,     entirely inside a holiday block
            2025-03-05T11:00, 2025-03-05T15:00, PT2H,     same day across the lunch break
            2025-03-05T11:30, 2025-03-05T13:00, PT30M,    from late morning into the lunch break
            2025-03-05T12:30, 2025-03-05T13:30, PT0S,     inside the lunch break
            2025-03-05T12:00, 2025-03-05T14:00, PT0S,     exactly the lunch break
            2025-03-05T09:00, 2025-03-05T18:00, PT7H,     one office day
            2025-03-05T08:00, 2025-03-05T20:00, PT7H,     one office day with time either side
            2025-03-05T10:00, 2025-03-05T10:00, PT0S,     no time at all
            2025-03-07T17:45, 2025-03-10T09:20, PT35M,    a response time in working minutes over a weekend
            2025-03-03T00:00, 2025-03-10T00:00, PT35H,    an ordinary week
            2025-01-01T00:00, 2026-01-01T00:00, PT1736H,  the 248 working days of 2025
            2025-03-10T10:00, 2025-03-07T16:00, PT-3H,    backwards is negative so overdue time can be shown
            """)
    void workingTimeBetweenTwoInstantsCountsOnlyOfficeTimeOnWorkingDays(
            String from, String to, Duration expected, String scenario) {
        assertThat(CALCULATOR.workingTimeBetween(shanghai(from), shanghai(to))).as(scenario).isEqualTo(expected);
    }

    @Test
    void workingTimeBetweenInstantsWrittenInUtcIsMeasuredInShanghai() {
        // 17:00 on 09-30 in Shanghai to 09:30 on 10-09 in Shanghai.
        Duration between = CALCULATOR.workingTimeBetween(
                Instant.parse("2025-09-30T09:00:00Z"), Instant.parse("2025-10-09T01:30:00Z"));

        assertThat(between).isEqualTo(Duration.ofMinutes(90));
    }

    // --- other office hours ----------------------------------------------------------------------

    @Test
    void customOfficeHoursMoveBothTheClosingTimeAndTheLunchBreak() {
        WorkCalendar summerHours = WorkCalendar.parseCsv(new StringReader("date,kind,name\n2025-10-01,HOLIDAY,x\n"),
                List.of(new OfficePeriod(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                        new OfficePeriod(LocalTime.of(13, 30), LocalTime.of(17, 30))),
                WorkCalendar.DEFAULT_ZONE);
        DeadlineCalculator calculator = new DeadlineCalculator(summerHours);

        assertThat(calculator.dueAt(shanghai("2025-03-03T10:00"), 1, WORKING_DAYS).due())
                .isEqualTo(shanghai("2025-03-04T17:30"));
        assertThat(calculator.dueAt(shanghai("2025-03-03T11:30"), 1, WORKING_HOURS).due())
                .isEqualTo(shanghai("2025-03-03T14:00"));
        assertThat(calculator.workingTimeBetween(shanghai("2025-03-03T00:00"), shanghai("2025-03-04T00:00")))
                .isEqualTo(Duration.ofMinutes(450));
    }

    // --- a property over many starts -------------------------------------------------------------

    static Stream<Arguments> everyQuarterHourAroundTheTwentyTwentyFiveNationalDay() {
        Stream.Builder<Arguments> starts = Stream.builder();
        for (LocalDateTime t = LocalDateTime.parse("2025-09-26T00:00"); t.isBefore(LocalDateTime.parse("2025-10-14T00:00"));
                t = t.plusMinutes(15)) {
            for (int hours : new int[] {1, 7, 15}) {
                starts.add(Arguments.of(t, hours));
            }
        }
        return starts.build();
    }

    @ParameterizedTest(name = "{1}h from {0}")
    @MethodSource("everyQuarterHourAroundTheTwentyTwentyFiveNationalDay")
    void theWorkingTimeFromStartToDeadlineIsExactlyTheHoursAskedFor(LocalDateTime start, int hours) {
        Instant from = shanghai(start);
        Deadline deadline = CALCULATOR.dueAt(from, hours, WORKING_HOURS);

        assertThat(CALCULATOR.workingTimeBetween(from, deadline.due())).isEqualTo(Duration.ofHours(hours));
        assertThat(CALCULATOR.pointAt(from, deadline, 100, WORKING_HOURS)).isEqualTo(deadline.due());
    }
}
