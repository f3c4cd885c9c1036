package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import cn.huiyin.workqueue.application.Assignment;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who gets a dispatched appeal: a key enterprise's commissioner, the backup, or the least loaded; and lapsing claims. */
@QuarkusTest
class WorkAssignmentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Database db;

    @Inject
    OutboxRelay relay;

    @Inject
    Assignment assignment;

    private String commissioner(String unit, boolean onDuty) {
        String name = "c-" + unit.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'commissioner', $3, $4)",
                name, "专员 " + name, unit, onDuty);
        return name;
    }

    private String submit(Map<String, Object> body) {
        String no = given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
        // deliver everything pending (earlier tests leave rows behind), the new appeal's notice among them
        for (int round = 0; round < 200 && relay.relayOnce().await().atMost(PATIENCE) > 0; round++) {
        }
        return no;
    }

    private String assignee(String trackingNo) {
        return db.string("SELECT coalesce(assignee, '-') FROM appeal WHERE tracking_no = $1", trackingNo);
    }

    @Test
    void the_least_loaded_on_duty_commissioner_of_the_unit_gets_each_new_appeal() {
        String a = commissioner("STI", true);
        String b = commissioner("STI", true);
        String away = commissioner("STI", false);
        // a already holds two open appeals
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String held = submit(Appeals.with("category", "TECH"));
            db.execute("UPDATE appeal SET assignee = $1 WHERE tracking_no = $2", a, held);
            mine.add(held);
        }

        String first = submit(Appeals.with("category", "TECH"));
        String second = submit(Appeals.with("category", "TECH"));
        String third = submit(Appeals.with("category", "TECH"));

        assertThat(assignee(first)).isEqualTo(b);
        assertThat(assignee(second)).isEqualTo(b);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE assignee = $1", away)).isZero();
        // counted over this test's appeals: an older STI appeal left waiting by another test may also reach a or b
        mine.addAll(List.of(first, second, third));
        String[] ours = mine.toArray(String[]::new);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE assignee IN ($1, $2) AND status = 'DISPATCHED' "
                + "AND tracking_no = ANY($3)", a, b, ours)).isEqualTo(5);
        assertThat(assignee(third)).isIn(a, b);
        long loadA = db.count("SELECT count(*) FROM appeal WHERE assignee = $1 AND tracking_no = ANY($2)", a, ours);
        long loadB = db.count("SELECT count(*) FROM appeal WHERE assignee = $1 AND tracking_no = ANY($2)", b, ours);
        assertThat(Math.abs(loadA - loadB)).isEqualTo(1);
        assertThat(db.string("SELECT payload FROM appeal_event WHERE appeal_id = $1 AND type = 'ASSIGNED'", db.id(first)))
                .contains("\"basis\":\"LEAST_LOADED\"");
    }

    @Test
    void a_key_enterprise_goes_to_its_named_commissioner_and_to_the_backup_while_they_are_away() {
        String named = commissioner("FIN", true);
        String backup = commissioner("FIN", true);
        String other = commissioner("FIN", true);
        String uscc = Usccs.random();
        db.execute("INSERT INTO enterprise (uscc, name, street_code, key_enterprise) VALUES ($1, '重点测试企业', 'ST-ZHUJI', true)", uscc);
        db.execute("INSERT INTO key_enterprise_commissioner (uscc, unit_code, commissioner, backup) VALUES ($1, 'FIN', $2, $3)",
                uscc, named, backup);
        Map<String, Object> body = Appeals.with("category", "FINANCING");
        body.put("uscc", uscc);

        String toNamed = submit(body);
        assertThat(assignee(toNamed)).isEqualTo(named);
        assertThat(db.string("SELECT payload FROM appeal_event WHERE appeal_id = $1 AND type = 'ASSIGNED'", db.id(toNamed)))
                .contains("\"basis\":\"KEY_ENTERPRISE\"");

        db.execute("UPDATE staff_member SET on_duty = false WHERE username = $1", named);
        body.put("uscc", uscc);
        assertThat(assignee(submit(new java.util.HashMap<>(body)))).isEqualTo(backup);

        db.execute("UPDATE staff_member SET on_duty = false WHERE username = $1", backup);
        assertThat(assignee(submit(new java.util.HashMap<>(body)))).isIn(other);
    }

    @Test
    void a_claim_that_is_not_signed_for_in_time_returns_to_the_pool_and_another_commissioner_can_take_it() {
        String first = commissioner("COM", true);
        String second = commissioner("COM", true);
        String no = submit(Appeals.with("category", "FOREIGN_INV"));
        String holder = assignee(no);
        assertThat(holder).isIn(first, second);
        String otherOne = holder.equals(first) ? second : first;

        // the other commissioner cannot take a live claim
        given().auth().oauth2(Appeals.tokenFor(otherOne)).post("/api/v1/appeals/" + no + "/accept").then().statusCode(409);
        given().auth().oauth2(Appeals.tokenFor(otherOne)).post("/api/v1/appeals/" + no + "/claim").then().statusCode(409);

        db.execute("UPDATE appeal SET claim_expires_at = now() - interval '1 minute' WHERE tracking_no = $1", no);
        assertThat(assignment.releaseLapsedClaims().await().atMost(PATIENCE)).isGreaterThanOrEqualTo(1);
        assertThat(assignee(no)).isEqualTo("-");
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'CLAIM_EXPIRED'", db.id(no))).isEqualTo(1);
        // a second sweep finds nothing more to release for it
        assignment.releaseLapsedClaims().await().atMost(PATIENCE);
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'CLAIM_EXPIRED'", db.id(no))).isEqualTo(1);

        given().auth().oauth2(Appeals.tokenFor(otherOne)).post("/api/v1/appeals/" + no + "/claim").then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        assertThat(assignee(no)).isEqualTo(otherOne);
        given().auth().oauth2(Appeals.tokenFor(holder)).post("/api/v1/appeals/" + no + "/accept").then().statusCode(409);
        given().auth().oauth2(Appeals.tokenFor(otherOne)).post("/api/v1/appeals/" + no + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        assertThat(db.string("SELECT coalesce(claim_expires_at::text, 'held') FROM appeal WHERE tracking_no = $1", no)).isEqualTo("held");
        // signed for: the claim never lapses, and only its holder replies
        given().auth().oauth2(Appeals.tokenFor(holder)).contentType(ContentType.JSON)
                .body(Map.of("answer", "经核实已按外资企业服务流程办理完毕。")).post("/api/v1/appeals/" + no + "/reply").then().statusCode(409);
    }

    @Test
    void a_unit_with_nobody_on_duty_keeps_the_appeal_in_its_pool() {
        String no = submit(Appeals.with("category", "LEGAL"));
        assertThat(db.string("SELECT status FROM appeal WHERE tracking_no = $1", no)).isEqualTo("DISPATCHED");
        assertThat(assignee(no)).isEqualTo("-");
    }
}
