package cn.huiyin.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.sla.domain.WorkCalendarCsv.Day;
import cn.huiyin.sla.domain.WorkCalendarCsv.Kind;

/** What the calendar import refuses, line by line, and what it still takes. */
class WorkCalendarCsvTest {

    private static List<Day> read(String csv) {
        return WorkCalendarCsv.read(new StringReader(csv));
    }

    private static WorkCalendarCsv.Invalid refused(String csv) {
        WorkCalendarCsv.Invalid invalid = catchThrowableOfType(() -> read(csv), WorkCalendarCsv.Invalid.class);
        assertThat(invalid).as("refused: %s", csv.length() > 200 ? csv.substring(0, 200) + "…" : csv).isNotNull();
        return invalid;
    }

    private static List<String> fields(WorkCalendarCsv.Invalid invalid) {
        return invalid.errors().stream().map(FieldViolation::field).toList();
    }

    @Test
    void aCleanFileGivesItsDaysWithTheirNamesInFileOrder() {
        List<Day> days = read("date,kind,name\n2026-10-01,HOLIDAY,国庆节, 中秋节\n2026-10-10,WORKDAY,国庆节调休\n");

        assertThat(days).containsExactly(new Day(LocalDate.parse("2026-10-01"), Kind.HOLIDAY, "国庆节, 中秋节"),
                new Day(LocalDate.parse("2026-10-10"), Kind.WORKDAY, "国庆节调休"));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAccepted() {
        List<Day> days = read("\uFEFFdate,kind,name\r\n2026-10-01,HOLIDAY,国庆节\r\n2026-10-10,WORKDAY,国庆节调休\r\n");

        assertThat(days).extracting(Day::name).containsExactly("国庆节", "国庆节调休");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+10000-01-01", "-0001-01-01", "+2026-01-01", "2026-1-01", "2026-01-1", "26-01-01",
            "2026-02-30", "2026-13-01", "2026-00-10", "２０２６-01-01", "2026-01-01T00:00", " ", "2026/01/01"})
    void onlyARealDateInThePlainIsoFormIsTaken(String date) {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n" + date + ",HOLIDAY,x\n");

        assertThat(fields(invalid)).containsExactly("line[2].date");
        assertThat(invalid.errors().get(0).code()).isEqualTo("date.format");
        assertThat(invalid.getMessage()).contains("line 2").contains("is not a date");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000-01-01", "1999-12-31", "2101-01-01", "9999-12-31"})
    void aDateOutsideTheSupportedYearsIsRefused(String date) {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n" + date + ",HOLIDAY,x\n");

        assertThat(fields(invalid)).containsExactly("line[2].date");
        assertThat(invalid.errors().get(0).code()).isEqualTo("date.range");
        assertThat(invalid.errors().get(0).message()).contains("2000–2100");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2000-01-01", "2100-12-31"})
    void theFirstAndLastSupportedYearsAreTaken(String date) {
        assertThat(read("date,kind,name\n" + date + ",HOLIDAY,x\n")).extracting(Day::date)
                .containsExactly(LocalDate.parse(date));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"holiday", "MAKEUP", "", "HOLIDAY\u0000"})
    void anUnknownKindIsRefused(String kind) {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n2026-10-01," + kind + ",国庆节\n");

        assertThat(fields(invalid)).containsExactly("line[2].kind");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "|", value = {
            "2026-10-01,HOLIDAY,   | name.required | an empty name",
            "2026-10-01,HOLIDAY,国庆\u0007节 | name.control | a bell character",
            "2026-10-01,HOLIDAY,国庆\u0000节 | name.control | a NUL",
            "2026-10-01,HOLIDAY,国庆\t节 | name.control | a tab",
            "2026-10-01,HOLIDAY,国庆\u0085节 | name.control | a C1 control",
            "2026-10-01,HOLIDAY,国庆\uD800节 | name.control | an unpaired surrogate",
    })
    void aNameMustBeGivenAndPrintable(String line, String code, String what) {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n" + line + "\n");

        assertThat(invalid.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("line[2].name");
            assertThat(error.code()).isEqualTo(code);
        });
    }

    @Test
    void aNameOfFiftyCharactersIsTakenAndOneMoreIsRefused() {
        String fifty = "节".repeat(49) + "\uD83C\uDF89"; // a character outside the BMP counts once

        assertThat(read("date,kind,name\n2026-10-01,HOLIDAY," + fifty + "\n")).extracting(Day::name).containsExactly(fifty);
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n2026-10-01,HOLIDAY," + fifty + "节\n");
        assertThat(invalid.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("line[2].name");
            assertThat(error.code()).isEqualTo("name.length");
        });
    }

    @Test
    void aHugeNameIsRefusedWithoutBeingEchoedBack() {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n2026-10-01,HOLIDAY," + "x".repeat(200_000) + "\n");

        assertThat(fields(invalid)).containsExactly("line[2].name");
        assertThat(invalid.getMessage()).hasSizeLessThan(300);
        assertThat(invalid.errors().get(0).message()).contains("200000 characters");
    }

    @Test
    void aLineWithoutItsThreeColumnsIsRefused() {
        assertThat(fields(refused("date,kind,name\n2026-10-01,HOLIDAY\n"))).containsExactly("line[2].columns");
    }

    @Test
    void aDayListedAsBothKindsIsRefusedOnTheLaterLine() {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n2026-10-10,WORKDAY,调休\n2026-10-10,HOLIDAY,typo\n");

        assertThat(fields(invalid)).containsExactly("line[3].date");
        assertThat(invalid.errors().get(0).code()).isEqualTo("date.conflict");
    }

    @Test
    void everyBadLineIsReportedNotOnlyTheFirst() {
        WorkCalendarCsv.Invalid invalid = refused("""
                # 2027
                date,kind,name
                2027-01-01,HOLIDAY,元旦
                +10000-01-01,HOLIDAY,x
                2027-02-06,WORKDAY,春节调休
                2027-02-07,HOLIDAAY,春节
                2027-02-08,HOLIDAY,
                2101-01-01,WORKDAY,x
                """);

        assertThat(fields(invalid)).containsExactly("line[4].date", "line[6].kind", "line[7].name", "line[8].date");
        assertThat(invalid.truncated()).isFalse();
        assertThat(invalid.getMessage()).contains("line 4").contains("(and 3 more)");
    }

    @Test
    void oneLineMayBeWrongInSeveralColumnsAtOnce() {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n1999-01-01,OFF,\n");

        assertThat(fields(invalid)).containsExactly("line[2].date", "line[2].kind", "line[2].name");
    }

    @Test
    void reportingStopsAtTheLimitOfMistakes() {
        String csv = "date,kind,name\n" + "2026-02-30,HOLIDAY,x\n".repeat(100);

        WorkCalendarCsv.Invalid invalid = refused(csv);

        assertThat(invalid.errors()).hasSize(WorkCalendarCsv.MAX_ERRORS);
        assertThat(invalid.truncated()).isTrue();
    }

    @Test
    void aFileOfTheMaximumLengthIsTakenAndOneLineMoreIsRefused() {
        String atLimit = "date,kind,name\n" + "# comment\n".repeat(WorkCalendarCsv.MAX_LINES - 2) + "2026-10-01,HOLIDAY,国庆节\n";

        assertThat(read(atLimit)).hasSize(1);
        WorkCalendarCsv.Invalid invalid = refused(atLimit + "2026-10-02,HOLIDAY,国庆节\n");
        assertThat(fields(invalid)).containsExactly("body");
        assertThat(invalid.errors().get(0).code()).isEqualTo("body.size");
    }

    @Test
    void aFileWithoutItsHeaderIsRefusedAsAWhole() {
        assertThat(fields(refused(""))).containsExactly("body");
        assertThat(fields(refused("2026-10-01,HOLIDAY,国庆节\n2026-10-02,HOLIDAY,国庆节\n"))).containsExactly("line[1].header");
    }

    @Test
    void theFirstMistakeIsEchoedShortAndPrintable() {
        WorkCalendarCsv.Invalid invalid = refused("date,kind,name\n2026-10-01\u0000" + "9".repeat(500) + ",HOLIDAY,x\n");

        assertThat(invalid.getMessage()).doesNotContain("\u0000").contains("\uFFFD").hasSizeLessThan(300);
    }
}
