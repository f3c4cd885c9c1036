package cn.huiyin.sla.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.testsupport.Appeals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A calendar import is checked line by line and written whole or not at all: a hostile line is refused with its line
 * number, the stored calendar stays as it was, and intake and the calendar endpoint keep working. Whatever a run does
 * to the calendar tables is put back afterwards, so the other tests see the calendar they expect.
 */
@QuarkusTest
class CalendarImportHostileTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    SlaCalendar calendar;

    private List<String> daysBefore;
    private List<String> yearsBefore;

    @BeforeEach
    void rememberTheCalendar() {
        daysBefore = days();
        yearsBefore = years();
    }

    @AfterEach
    void putTheCalendarBack() {
        if (days().equals(daysBefore) && years().equals(yearsBefore)) {
            return;
        }
        pool.withTransaction(tx -> tx.query("DELETE FROM work_calendar_day").execute()
                .chain(() -> tx.query("DELETE FROM work_calendar_year").execute())
                .chain(() -> tx.preparedQuery("INSERT INTO work_calendar_day (day, kind, name) VALUES ($1::text::date, $2, $3)")
                        .executeBatch(tuples(daysBefore)))
                .chain(() -> tx.preparedQuery("""
                        INSERT INTO work_calendar_year (year, source, imported_at) VALUES ($1::text::int, $2, $3::text::timestamptz)""")
                        .executeBatch(tuples(yearsBefore))))
                .await().atMost(PATIENCE);
        calendar.reload();
    }

    /** Every stored day as text, so even a date the driver cannot decode is compared and put back. */
    private List<String> days() {
        return rows("SELECT day::text, kind, name FROM work_calendar_day ORDER BY day");
    }

    private List<String> years() {
        return rows("SELECT year::text, source, imported_at::text FROM work_calendar_year ORDER BY year");
    }

    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        for (Row row : pool.query(sql).execute().await().atMost(PATIENCE)) {
            rows.add(row.getString(0) + "\u0001" + row.getString(1) + "\u0001" + row.getString(2));
        }
        return rows;
    }

    private static List<Tuple> tuples(List<String> rows) {
        return rows.stream().map(row -> Tuple.tuple(List.<Object>of(row.split("\u0001", -1)))).toList();
    }

    private static ValidatableResponse importAsAdmin(String csv) {
        return given().auth().oauth2(Appeals.tokenFor("admin")).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/sla/calendar").then();
    }

    private void intakeAndTheCalendarStillWork() {
        given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then()
                .statusCode(202);
        given().get("/api/v1/sla/calendar").then().statusCode(200)
                .body("loadedYears", everyItem(lessThanOrEqualTo(2100)));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiterString = "|", value = {
            "+10000-01-01,HOLIDAY,x | line[2].date | a five-digit year",
            "0000-01-01,HOLIDAY,x   | line[2].date | year zero",
            "-0001-01-01,HOLIDAY,x  | line[2].date | a year before zero",
            "1999-12-31,HOLIDAY,x   | line[2].date | the year before the supported range",
            "2101-01-01,HOLIDAY,x   | line[2].date | the year after the supported range",
            "2026-02-30,HOLIDAY,x   | line[2].date | a day that does not exist",
            "2027-01-01,OFF,元旦     | line[2].kind | an unknown kind",
            "2027-01-01,HOLIDAY,    | line[2].name | no name",
            "2027-01-01,HOLIDAY,元\u0001旦 | line[2].name | a control character in the name",
    })
    void aHostileLineIsRefusedNamingItsLineAndChangesNothing(String line, String field, String what) {
        importAsAdmin("date,kind,name\n" + line + "\n").statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://huiyin.cn/problems/invalid-calendar"))
                .body("field", equalTo(field))
                .body("errors.field", hasItem(field));

        assertThat(days()).isEqualTo(daysBefore);
        assertThat(years()).isEqualTo(yearsBefore);
        intakeAndTheCalendarStillWork();
    }

    @Test
    void aNameOfTwoHundredThousandCharactersIsRefusedAndChangesNothing() {
        importAsAdmin("date,kind,name\n2027-01-01,HOLIDAY," + "元".repeat(200_000) + "\n").statusCode(422)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("line[2].name"));

        assertThat(days()).isEqualTo(daysBefore);
        assertThat(years()).isEqualTo(yearsBefore);
        intakeAndTheCalendarStillWork();
    }

    @Test
    void oneBadLineAmongGoodOnesRefusesTheWholeFileListingEveryBadLine() {
        String csv = """
                date,kind,name
                2027-01-01,HOLIDAY,元旦
                2027-02-06,WORKDAY,春节调休
                +10000-01-01,HOLIDAY,x
                2027-02-10,HOLIDAY,春节
                2027-02-11,HOLIDAY,春节\u0007
                """;

        importAsAdmin(csv).statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("line[4].date"))
                .body("errors.field", contains("line[4].date", "line[6].name"));

        assertThat(days()).isEqualTo(daysBefore);
        assertThat(years()).isEqualTo(yearsBefore);
        intakeAndTheCalendarStillWork();
    }

    @Test
    void aFileOverTheLineLimitIsRefusedAsAWhole() {
        String csv = "date,kind,name\n" + "# comment\n".repeat(2_000) + "2027-01-01,HOLIDAY,元旦\n";

        importAsAdmin(csv).statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("body"));

        assertThat(days()).isEqualTo(daysBefore);
        assertThat(years()).isEqualTo(yearsBefore);
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreStillTaken() {
        importAsAdmin("\uFEFFdate,kind,name\r\n2099-01-01,HOLIDAY,元旦\r\n2099-01-02,HOLIDAY,元旦\r\n").statusCode(200)
                .body("importedYears", contains(2099))
                .body("days", equalTo(2));

        assertThat(rows("SELECT day::text, kind, name FROM work_calendar_day WHERE day >= '2099-01-01' ORDER BY day"))
                .containsExactly("2099-01-01\u0001HOLIDAY\u0001元旦", "2099-01-02\u0001HOLIDAY\u0001元旦");
        intakeAndTheCalendarStillWork();
    }

    @Test
    void aStoredDayOutsideTheSupportedYearsIsSkippedWhenTheCalendarIsRead() {
        // as if written before the import checked its dates: the driver cannot even read these back
        pool.query("""
                INSERT INTO work_calendar_day (day, kind, name) VALUES ('10000-01-01', 'HOLIDAY', 'x'),
                    ('0001-01-01 BC', 'HOLIDAY', 'x'), ('1999-12-31', 'WORKDAY', 'x')""").execute().await().atMost(PATIENCE);
        pool.query("INSERT INTO work_calendar_year (year, source) VALUES (10000, 'test'), (0, 'test'), (1999, 'test')")
                .execute().await().atMost(PATIENCE);
        calendar.reload();

        intakeAndTheCalendarStillWork();
        given().get("/api/v1/sla/calendar").then().statusCode(200)
                .body("loadedYears", not(hasItem(10000))).body("loadedYears", not(hasItem(1999)));
    }
}
