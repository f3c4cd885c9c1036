package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.evaluation.domain.ReturnVisitSample;
import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The return window (退单时限) times only the chance to return a misrouted appeal: it runs while the unit may still
 * return it (dispatched, signed for) and stops once handling begins, at the reply, and at archiving.
 */
@QuarkusTest
class ReturnWindowTest {

    private static final String DEMO_USCC = "91440106MA5CXK8R10";
    private static final String ANSWER = "经核实，授信额度已按规定调增，请重新登录电子税务局开票。";
    /** %test samples half the rounds for a return visit. */
    private static final int SAMPLE_PERCENT = 50;

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    private static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    private static void post(String user, String path, Object body) {
        var request = given().auth().oauth2(Appeals.tokenFor(user));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        request.post(path).then().statusCode(200);
    }

    private String windowStopped(long id) {
        return db.string("SELECT (stopped_at IS NOT NULL)::text FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RETURN_WINDOW'", id);
    }

    private void assertNothingMoreFiresFor(long id, String no) {
        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1 AND clock = 'RETURN_WINDOW' "
                + "AND stopped_at IS NULL", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM sla_timer t JOIN appeal_clock c ON c.id = t.clock_id "
                + "WHERE t.appeal_id = $1 AND c.clock = 'RETURN_WINDOW' AND t.fired_at IS NULL", id)).isZero();
        // everything still pending comes due: nothing fires for the window
        db.execute("UPDATE sla_timer SET due_at = now() - interval '1 minute' WHERE appeal_id = $1 AND fired_at IS NULL", id);
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
        assertThat(db.count("SELECT count(*) FROM escalation WHERE appeal_id = $1 AND clock = 'RETURN_WINDOW'", id)).isZero();
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/appeals/" + no).then().statusCode(200)
                .body("clocks.find { it.clock == 'RETURN_WINDOW' }.state", equalTo("STOPPED"))
                .body("clocks.find { it.clock == 'RETURN_WINDOW' }.stateLabel", equalTo("已停止"))
                .body("clocks.find { it.clock == 'RETURN_WINDOW' }.stoppedAt", notNullValue());
    }

    @Test
    void signing_for_an_appeal_leaves_the_window_open_and_the_first_contact_closes_it() {
        String no = submit(Appeals.validSubmission());
        long id = db.id(no);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null);
        assertThat(windowStopped(id)).as("a signed-for appeal may still be returned").isEqualTo("false");

        post("commissioner-tax", "/api/v1/appeals/" + no + "/first-contact", Map.of("note", "已电话联系王经理"));
        assertThat(windowStopped(id)).isEqualTo("true");

        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", ANSWER));
        assertNothingMoreFiresFor(id, no);
    }

    @Test
    void a_reply_without_a_recorded_first_contact_stops_the_window() {
        String no = submit(Appeals.validSubmission());
        long id = db.id(no);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null);
        post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", ANSWER));

        assertThat(db.string("SELECT status FROM appeal WHERE id = $1", id)).isEqualTo("REPLIED");
        assertThat(db.count("SELECT count(*) FROM appeal_clock c JOIN appeal_event e ON e.appeal_id = c.appeal_id "
                + "WHERE c.appeal_id = $1 AND c.clock = 'RETURN_WINDOW' AND e.type = 'REPLIED' AND c.stopped_at = e.occurred_at", id))
                .as("stopped at the moment of the reply").isEqualTo(1);
        assertNothingMoreFiresFor(id, no);
    }

    @Test
    void archiving_stops_a_window_still_running() {
        String no = answeredWithoutVisit();
        long id = db.id(no);
        // as an appeal answered before the reply stopped the window would have it
        db.execute("UPDATE appeal_clock SET stopped_at = NULL WHERE appeal_id = $1 AND clock = 'RETURN_WINDOW'", id);

        post("enterprise-demo", "/api/v1/appeals/" + no + "/rating", Map.of("level", 5, "resolved", true, "comment", "满意"));

        assertThat(db.string("SELECT status FROM appeal WHERE id = $1", id)).isEqualTo("CLOSED");
        assertThat(db.count("SELECT count(*) FROM appeal_clock WHERE appeal_id = $1 AND stopped_at IS NULL", id))
                .as("an archived appeal has no running clock").isZero();
        assertNothingMoreFiresFor(id, no);
    }

    /** A TAX appeal of the demo enterprise, answered, whose round is not sampled for a return visit (so a good rating archives it). */
    private static String answeredWithoutVisit() {
        for (int attempt = 0; attempt < 40; attempt++) {
            String no = submit(Appeals.with("uscc", DEMO_USCC));
            if (!ReturnVisitSample.sampled(no, 1, SAMPLE_PERCENT)) {
                post("commissioner-tax", "/api/v1/appeals/" + no + "/accept", null);
                post("commissioner-tax", "/api/v1/appeals/" + no + "/reply", Map.of("answer", ANSWER));
                return no;
            }
        }
        throw new AssertionError("no unsampled appeal in 40 tries");
    }
}
