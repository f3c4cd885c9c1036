package cn.huiyin.sla.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A year's notice is imported whole: importing the year again replaces its days, so a holiday the corrected notice
 * no longer lists stops moving deadlines. The year used is far from today's and is removed afterwards.
 */
@QuarkusTest
class CalendarImportTest {

    private static final String TUESDAY_AFTERNOON = "2031-03-04T08:00:00Z";

    @Inject
    Database db;

    @Inject
    SlaCalendar calendar;

    @AfterEach
    void forgetTheYear() {
        db.execute("DELETE FROM work_calendar_day WHERE day BETWEEN '2031-01-01' AND '2031-12-31'");
        db.execute("DELETE FROM work_calendar_year WHERE year = 2031");
        calendar.reload();
    }

    private static ValidatableResponse importAsAdmin(String csv) {
        return given().auth().oauth2(Appeals.tokenFor("admin")).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/sla/calendar").then();
    }

    /** When a consultation received on Tuesday afternoon must be answered (two working days). */
    private static String consultationDue() {
        return given().auth().oauth2(Appeals.tokenFor("admin")).queryParam("appealType", "CONSULT")
                .queryParam("category", "TAX_SERVICE").queryParam("from", TUESDAY_AFTERNOON)
                .get("/api/v1/sla/preview").then().statusCode(200)
                .extract().path("find { it.clock == 'HANDLE' }.dueAt");
    }

    @Test
    void importing_a_year_again_replaces_its_days() {
        importAsAdmin("date,kind,name\n2031-03-05,HOLIDAY,测试假日\n2031-10-01,HOLIDAY,国庆节\n").statusCode(200)
                .body("importedYears", contains(2031)).body("days", equalTo(2));
        assertThat(consultationDue()).as("Wednesday is a holiday: Thursday and Friday are the two working days")
                .isEqualTo("2031-03-07T10:00:00Z");

        importAsAdmin("date,kind,name\n2031-10-01,HOLIDAY,国庆节\n").statusCode(200).body("days", equalTo(1));
        assertThat(consultationDue()).as("the corrected notice has no holiday that week").isEqualTo("2031-03-06T10:00:00Z");
        assertThat(db.count("SELECT count(*) FROM work_calendar_day WHERE day BETWEEN '2031-01-01' AND '2031-12-31'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM work_calendar_year WHERE year = 2031")).isEqualTo(1);
    }
}
