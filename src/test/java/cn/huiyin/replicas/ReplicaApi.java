package cn.huiyin.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import cn.huiyin.testsupport.Appeals;
import io.restassured.http.ContentType;

/** The calls the two-replica tests make on one replica or the other, as a client behind a load balancer would. */
final class ReplicaApi {

    private ReplicaApi() {
    }

    /** A demo user's bearer token, from this replica (every replica signs with the same key). */
    static String token(Replica replica, String username) {
        return given().baseUri(replica.baseUri()).contentType(ContentType.JSON)
                .post("/api/v1/demo/tokens/" + username).then().statusCode(200).extract().path("accessToken");
    }

    /**
     * Submits a TAX_SERVICE appeal through this replica and waits until the database has it dispatched to the tax
     * office's commissioner on duty; its tracking number.
     */
    static String dispatchedTaxAppeal(Replica replica, ScratchDatabase db, Duration patience) {
        String no = given().baseUri(replica.baseUri()).contentType(ContentType.JSON)
                .body(Appeals.with("category", "TAX_SERVICE")).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        await().atMost(patience).untilAsserted(() -> assertThat(db.strings(
                "SELECT status || ' ' || assignee FROM appeal WHERE tracking_no = ?", no))
                .as("stored through " + replica.name() + " and assigned")
                .containsExactly("DISPATCHED commissioner-tax"));
        return no;
    }

    /** One step of an appeal ({@code accept}, {@code first-contact}, {@code reply}…), made on this replica. */
    static void step(Replica replica, String token, String no, String step, Map<String, String> body) {
        given().baseUri(replica.baseUri()).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/appeals/" + no + "/" + step).then().statusCode(200);
    }

    /** The rule the HANDLE clock of a HELP appeal in TAX_SERVICE would start under now, as this replica says. */
    static long previewRuleId(Replica replica, String admin) {
        return given().baseUri(replica.baseUri()).auth().oauth2(admin)
                .get("/api/v1/sla/preview?appealType=HELP&category=TAX_SERVICE").then().statusCode(200)
                .extract().jsonPath().getLong("find { it.clock == 'HANDLE' }.ruleId");
    }

    /** Adds a HANDLE rule for TAX_SERVICE, in force from today, through this replica's admin API; its id. */
    static long addHandleRule(Replica replica, String admin, String reason) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("clock", "HANDLE");
        rule.put("category", "TAX_SERVICE");
        rule.put("amount", 3);
        rule.put("unit", "WORKING_DAYS");
        rule.put("legalSource", "区营商办〔2026〕22号：纳税服务类诉求3个工作日内办结");
        rule.put("effectiveFrom", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        rule.put("reason", reason);
        return given().baseUri(replica.baseUri()).auth().oauth2(admin).contentType(ContentType.JSON).body(rule)
                .post("/api/v1/admin/clock-rules").then().statusCode(201).extract().<Number> path("id").longValue();
    }
}
