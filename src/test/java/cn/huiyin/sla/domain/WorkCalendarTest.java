package cn.huiyin.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkCalendarTest {

    private static final WorkCalendar CALENDAR = ReferenceCalendar.calendar();

    private static OfficePeriod period(String start, String end) {
        return new OfficePeriod(LocalTime.parse(start), LocalTime.parse(end));
    }

    private static WorkCalendar parse(String csv) {
        return WorkCalendar.parseCsv(new StringReader(csv));
    }

    // --- the official reference file -------------------------------------------------------------

    @Test
    void theReferenceFileLoadsExactlyTwentyTwentyFiveAndTwentyTwentySix() {
        assertThat(CALENDAR.loadedYears()).containsExactly(2025, 2026);
        assertThat(CALENDAR.isLoaded(2025)).isTrue();
        assertThat(CALENDAR.isLoaded(2026)).isTrue();
        assertThat(CALENDAR.isLoaded(2024)).isFalse();
        assertThat(CALENDAR.isLoaded(2027)).isFalse();
    }

    @Test
    void theReferenceFileListsSixtyOneHolidaysAndElevenMakeUpWorkdays() {
        assertThat(CALENDAR.holidays()).hasSize(61);
        assertThat(CALENDAR.workdays()).hasSize(11);
        assertThat(CALENDAR.workdays()).containsExactly(
                LocalDate.parse("2025-01-26"), LocalDate.parse("2025-02-08"), LocalDate.parse("2025-04-27"),
                LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11"), LocalDate.parse("2026-01-04"),
                LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"),
                LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
    }

    @Test
    void everyMakeUpWorkdayInTheReferenceFileIsASaturdayOrSunday() {
        assertThat(CALENDAR.workdays())
                .allSatisfy(day -> assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @ParameterizedTest(name = "{0} has {1} working days")
    @CsvSource({"2025, 248", "2026, 248"})
    void eachLoadedYearHasTheOfficiallyAnnouncedNumberOfWorkingDays(int year, int workingDays) {
        long counted = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(CALENDAR::isWorkingDay)
                .count();

        assertThat(counted).isEqualTo(workingDays);
    }

    @ParameterizedTest(name = "{0} ({2}) working: {1}")
    @CsvSource(textBlock = """
            2025-03-03, true,  ordinary Monday
            2025-03-07, true,  ordinary Friday
            2025-03-08, false, ordinary Saturday
            2025-03-09, false, ordinary Sunday
            2025-01-01, false, New Year's Day on a Wednesday
            2025-01-02, true,  the Thursday after New Year's Day
            2025-01-26, true,  Spring Festival make-up Sunday
            2025-01-27, true,  the Monday before the Spring Festival
            2025-01-28, false, Spring Festival eve
            2025-01-31, false, Spring Festival weekday
            2025-02-01, false, Spring Festival Saturday
            2025-02-04, false, last day of the Spring Festival
            2025-02-05, true,  first day back after the Spring Festival
            2025-02-08, true,  Spring Festival make-up Saturday
            2025-02-09, false, the Sunday after the make-up Saturday
            2025-04-04, false, Qingming on a Friday
            2025-04-27, true,  Labour Day make-up Sunday
            2025-05-05, false, Labour Day bridge Monday
            2025-06-02, false, Dragon Boat Monday
            2025-09-28, true,  National Day make-up Sunday
            2025-10-01, false, National Day
            2025-10-08, false, last day of National Day and Mid-Autumn
            2025-10-09, true,  first day back after National Day
            2025-10-11, true,  National Day make-up Saturday
            2025-10-12, false, the Sunday after the make-up Saturday
            2026-01-02, false, New Year bridge Friday
            2026-01-04, true,  New Year make-up Sunday
            2026-02-14, true,  Spring Festival make-up Saturday before the break
            2026-02-23, false, last day of the Spring Festival
            2026-02-24, true,  first day back after the Spring Festival
            2026-02-28, true,  Spring Festival make-up Saturday after the break
            2026-04-06, false, Qingming Monday
            2026-05-05, false, Labour Day Tuesday
            2026-05-09, true,  Labour Day make-up Saturday
            2026-06-19, false, Dragon Boat Friday
            2026-09-20, true,  National Day make-up Sunday
            2026-09-25, false, Mid-Autumn Friday
            2026-10-07, false, last day of National Day
            2026-10-08, true,  first day back after National Day
            2026-10-10, true,  National Day make-up Saturday
            2024-10-01, true,  2024 is not loaded so even National Day falls back to Mon-Fri
            2024-10-05, false, a Saturday in the unloaded 2024
            2027-01-01, true,  2027 is not loaded so New Year's Day falls back to Mon-Fri
            2027-02-06, false, a Saturday in the unloaded 2027
            """)
    void aDayIsWorkingByTheOfficialCalendarOrByTheWeek(LocalDate day, boolean working, String why) {
        assertThat(CALENDAR.isWorkingDay(day)).as(why).isEqualTo(working);
    }

    static Stream<ReferenceCalendar.Row> everyRowOfTheReferenceFile() {
        return ReferenceCalendar.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRowOfTheReferenceFile")
    void everyListedHolidayIsOffAndEveryListedWorkdayIsOn(ReferenceCalendar.Row row) {
        assertThat(row.kind()).isIn("HOLIDAY", "WORKDAY");
        assertThat(CALENDAR.isWorkingDay(row.date())).isEqualTo(row.kind().equals("WORKDAY"));
    }

    @Test
    void theDefaultsAreShanghaiOfficeHoursWithALunchBreak() {
        assertThat(CALENDAR.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(CALENDAR.officeHours()).containsExactly(period("09:00", "12:00"), period("14:00", "18:00"));
        assertThat(CALENDAR.closingTime()).isEqualTo(LocalTime.of(18, 0));
    }

    // --- reading the file format ------------------------------------------------------------------

    @Test
    void commentsBlankLinesAByteOrderMarkAndWindowsLineEndsAreIgnored() {
        WorkCalendar calendar = parse("\uFEFF# a comment\r\n\r\n  # an indented comment\r\ndate,kind,name\r\n"
                + "2025-10-01,HOLIDAY,国庆节\r\n\r\n# another comment\r\n2025-10-11,WORKDAY,国庆节调休\r\n");

        assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2025-10-01"));
        assertThat(calendar.workdays()).containsExactly(LocalDate.parse("2025-10-11"));
        assertThat(calendar.loadedYears()).containsExactly(2025);
    }

    @Test
    void aYearCountsAsLoadedAsSoonAsTheFileListsOneDayInIt() {
        WorkCalendar calendar = parse("date,kind,name\n2025-10-01,HOLIDAY,国庆节\n2027-01-01,HOLIDAY,元旦\n");

        assertThat(calendar.loadedYears()).containsExactly(2025, 2027);
        assertThat(calendar.isLoaded(2026)).isFalse();
    }

    @Test
    void aFileWithOnlyAHeaderIsAnEmptyCalendarWithNoYearLoaded() {
        WorkCalendar calendar = parse("# nothing announced yet\ndate,kind,name\n");

        assertThat(calendar.loadedYears()).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-04"))).isFalse();
    }

    @Test
    void aNameMayContainCommas() {
        WorkCalendar calendar = parse("date,kind,name\n2025-10-01,HOLIDAY,国庆节, 中秋节\n2025-10-02,HOLIDAY,国庆节\n");

        assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-02"));
    }

    @Test
    void theSameDayListedTwiceWithTheSameKindIsHarmless() {
        WorkCalendar calendar = parse("date,kind,name\n2025-10-01,HOLIDAY,国庆节\n2025-10-01,HOLIDAY,国庆节\n");

        assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2025-10-01"));
    }

    @Test
    void anUnknownKindIsRefusedNamingTheLine() {
        String csv = "# comment\ndate,kind,name\n2025-10-01,HOLIDAY,国庆节\n2025-10-11,MAKEUP,国庆节调休\n";

        assertThatIllegalArgumentException().isThrownBy(() -> parse(csv))
                .withMessageContaining("line 4")
                .withMessageContaining("2025-10-11,MAKEUP,国庆节调休")
                .withMessageContaining("unknown kind 'MAKEUP'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"holiday", "Holiday", "HOLIDAYS", ""})
    void kindsAreSpelledExactly(String kind) {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("date,kind,name\n2025-10-01," + kind + ",x\n"))
                .withMessageContaining("line 2")
                .withMessageContaining("unknown kind '" + kind + "'");
    }

    @Test
    void aDayListedAsBothKindsIsRefusedNamingBothLines() {
        String csv = "date,kind,name\n2025-10-01,HOLIDAY,国庆节\n2025-10-02,HOLIDAY,国庆节\n2025-10-01,WORKDAY,typo\n";

        assertThatIllegalArgumentException().isThrownBy(() -> parse(csv))
                .withMessageContaining("line 4")
                .withMessageContaining("2025-10-01 is already listed as HOLIDAY on line 2");
    }

    @Test
    void aDayListedAsBothKindsIsRefusedWhicheverComesFirst() {
        String csv = "date,kind,name\n2025-10-11,WORKDAY,国庆节调休\n2025-10-11,HOLIDAY,typo\n";

        assertThatIllegalArgumentException().isThrownBy(() -> parse(csv))
                .withMessageContaining("line 3")
                .withMessageContaining("2025-10-11 is already listed as WORKDAY on line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025/10/01", "20251001", "10-01", "yesterday"})
    void aDateThatIsNotAnIsoDateIsRefusedNamingTheLine(String date) {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("date,kind,name\n" + date + ",HOLIDAY,x\n"))
                .withMessageContaining("line 2")
                .withMessageContaining("'" + date + "' is not a date");
    }

    @Test
    void aRowWithoutItsNameColumnIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("date,kind,name\n2025-10-01,HOLIDAY\n"))
                .withMessageContaining("line 2")
                .withMessageContaining("expected three columns");
    }

    @Test
    void dataBeforeTheHeaderIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("# calendar\n2025-10-01,HOLIDAY,国庆节\n"))
                .withMessageContaining("line 2")
                .withMessageContaining("expected the header 'date,kind,name'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n", "\n\n"})
    void aFileWithoutAHeaderIsRefused(String csv) {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(csv))
                .withMessageContaining("no header line 'date,kind,name'");
    }

    @Test
    void officeHoursAndZoneGivenToTheParserAreKept() {
        List<OfficePeriod> hours = List.of(period("08:30", "12:00"), period("13:30", "17:30"));

        WorkCalendar calendar = WorkCalendar.parseCsv(new StringReader("date,kind,name\n"), hours, ZoneId.of("UTC"));

        assertThat(calendar.officeHours()).containsExactly(period("08:30", "12:00"), period("13:30", "17:30"));
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(calendar.closingTime()).isEqualTo(LocalTime.of(17, 30));
    }

    // --- building a calendar directly ------------------------------------------------------------

    @Test
    void aLoadedYearWithNothingListedIsAPlainWeekAndStillLoaded() {
        WorkCalendar calendar = new WorkCalendar(Set.of(), Set.of(), Set.of(2030),
                WorkCalendar.DEFAULT_OFFICE_HOURS, WorkCalendar.DEFAULT_ZONE);

        assertThat(calendar.isLoaded(2030)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-05"))).isFalse();
    }

    @Test
    void aDayCannotBeBothAHolidayAndAWorkday() {
        LocalDate day = LocalDate.parse("2025-10-01");

        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(Set.of(day), Set.of(day), Set.of(2025),
                        WorkCalendar.DEFAULT_OFFICE_HOURS, WorkCalendar.DEFAULT_ZONE))
                .withMessageContaining("2025-10-01");
    }

    @Test
    void aListedDayMustBelongToALoadedYear() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(Set.of(LocalDate.parse("2027-01-01")),
                        Set.of(), Set.of(2026), WorkCalendar.DEFAULT_OFFICE_HOURS, WorkCalendar.DEFAULT_ZONE))
                .withMessageContaining("2027-01-01");
    }

    @Test
    void officePeriodsMayTouchButNotOverlap() {
        WorkCalendar touching = new WorkCalendar(Set.of(), Set.of(), Set.of(),
                List.of(period("09:00", "12:00"), period("12:00", "13:00")), WorkCalendar.DEFAULT_ZONE);

        assertThat(touching.closingTime()).isEqualTo(LocalTime.of(13, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(Set.of(), Set.of(), Set.of(),
                List.of(period("09:00", "12:30"), period("12:00", "18:00")), WorkCalendar.DEFAULT_ZONE));
    }

    @Test
    void officePeriodsMustBeInOrderOfTheDay() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(Set.of(), Set.of(), Set.of(),
                List.of(period("14:00", "18:00"), period("09:00", "12:00")), WorkCalendar.DEFAULT_ZONE));
    }

    @Test
    void aCalendarNeedsSomeOfficeHours() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(Set.of(), Set.of(), Set.of(),
                List.of(), WorkCalendar.DEFAULT_ZONE));
    }

    @ParameterizedTest
    @CsvSource({"12:00, 09:00", "09:00, 09:00"})
    void anOfficePeriodMustEndAfterItStarts(LocalTime start, LocalTime end) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OfficePeriod(start, end))
                .withMessageContaining("must end after it starts");
    }

    @Test
    void theCalendarKeepsItsOwnCopiesAndCannotBeChangedThroughItsGetters() {
        Set<LocalDate> holidays = new HashSet<>(Set.of(LocalDate.parse("2025-10-01")));
        Set<Integer> years = new HashSet<>(Set.of(2025));
        List<OfficePeriod> hours = new ArrayList<>(WorkCalendar.DEFAULT_OFFICE_HOURS);
        WorkCalendar calendar = new WorkCalendar(holidays, Set.of(), years, hours, WorkCalendar.DEFAULT_ZONE);

        holidays.add(LocalDate.parse("2025-10-02"));
        years.add(2026);
        hours.clear();

        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-02"))).isTrue();
        assertThat(calendar.isLoaded(2026)).isFalse();
        assertThat(calendar.officeHours()).hasSize(2);
        assertThatThrownBy(() -> calendar.holidays().add(LocalDate.parse("2025-10-03")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> calendar.loadedYears().add(2027)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> calendar.officeHours().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> WorkCalendar.parseCsv(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkCalendar(Set.of(), Set.of(), Set.of(), WorkCalendar.DEFAULT_OFFICE_HOURS, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void workingDaysOfASpanAreTheDaysWorkedOneByOne() {
        WorkCalendar calendar = ReferenceCalendar.calendar();
        // inside the reference file's years, across its edges, and past the supported years on both sides
        List<LocalDate[]> spans = List.of(
                new LocalDate[] { LocalDate.of(2025, 9, 20), LocalDate.of(2025, 10, 20) },
                new LocalDate[] { LocalDate.of(2023, 12, 1), LocalDate.of(2028, 2, 1) },
                new LocalDate[] { LocalDate.of(1999, 12, 20), LocalDate.of(2000, 1, 10) },
                new LocalDate[] { LocalDate.of(2100, 12, 20), LocalDate.of(2101, 1, 10) },
                new LocalDate[] { LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 16) },
                new LocalDate[] { LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 16) });
        for (LocalDate[] span : spans) {
            long oneByOne = span[0].datesUntil(span[1].isAfter(span[0]) ? span[1] : span[0])
                    .filter(calendar::isWorkingDay).count();
            assertThat(calendar.workingDaysBetween(span[0], span[1])).as("%s → %s", span[0], span[1]).isEqualTo(oneByOne);
        }
        // before the 2025 National Day week: the make-up Sunday (28 September), Monday and Tuesday are worked; the
        // holidays (1–8 October) are not
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 27), LocalDate.of(2025, 10, 9))).isEqualTo(3);
    }
}
