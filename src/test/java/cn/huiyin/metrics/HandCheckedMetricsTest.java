package cn.huiyin.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.application.MetricsProjector;
import cn.huiyin.testsupport.Appeals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Six appeals of one unit, received on Monday 2026-03-02, whose every figure is worked out by hand below; the API
 * must give the same, and its drill-down the same appeals. Times are Beijing time (UTC+8); office hours 09–12, 14–18.
 */
@QuarkusTest
class HandCheckedMetricsTest {

    private static final String DAY = "2026-03-02";

    @Inject
    MetricsFixture fixture;

    @Inject
    MetricsProjector projector;

    private String unit;
    private final Map<String, Long> ids = new java.util.HashMap<>();

    private static Instant bj(String dayAndTime) {
        return java.time.LocalDateTime.parse(dayAndTime.replace(' ', 'T')).atOffset(java.time.ZoneOffset.ofHours(8))
                .toInstant();
    }

    private static Instant at(String time) {
        return bj(DAY + " " + time);
    }

    private long dispatched(String name, String status) {
        long id = fixture.appeal(unit, "ST-SHIPAI", "TAX_SERVICE", status, at("09:50"));
        fixture.clock(id, "RESPOND", at("10:00"), at("11:00"));
        fixture.clock(id, "HANDLE", at("10:00"), bj("2026-03-16 18:00"));
        fixture.event(id, "RECEIVED", at("09:50"), Map.of("channel", "WEB"));
        fixture.event(id, "DISPATCHED", at("10:00"), Map.of("unit", unit));
        ids.put(name, id);
        return id;
    }

    private static Map<String, Object> rated(int round, int level, boolean resolved, boolean defaulted) {
        return Map.of("round", round, "level", level, "resolved", resolved, "defaulted", defaulted, "good", level >= 3);
    }

    @BeforeEach
    void dataset() {
        unit = fixture.newUnit();
        // A1: contact 10:30 (on time), reply next day 10:00; 5 points, resolved
        long a1 = dispatched("A1", "EVALUATED");
        fixture.event(a1, "ACCEPTED", at("10:20"), Map.of());
        fixture.event(a1, "FIRST_CONTACT", at("10:30"), Map.of());
        fixture.event(a1, "REPLIED", bj("2026-03-03 10:00"), Map.of("answer", "已办理"));
        fixture.event(a1, "RATED", bj("2026-03-04 09:00"), rated(1, 5, true, false));
        // A2: contact 11:30 (late), returned and re-dispatched, reply 15:00; 1 point, rework, reply, 3 points unresolved
        long a2 = dispatched("A2", "EVALUATED");
        fixture.event(a2, "FIRST_CONTACT", at("11:30"), Map.of());
        fixture.event(a2, "RETURNED", at("11:40"), Map.of("unit", unit));
        fixture.event(a2, "REDISPATCHED", at("11:50"), Map.of("fromUnit", unit, "toUnit", unit));
        fixture.event(a2, "REPLIED", at("15:00"), Map.of("answer", "已答复"));
        fixture.event(a2, "RATED", bj("2026-03-03 09:00"), rated(1, 1, false, false));
        fixture.event(a2, "REWORK_OPENED", bj("2026-03-03 09:01"), Map.of("round", 2));
        fixture.event(a2, "REPLIED", bj("2026-03-04 10:00"), Map.of("answer", "整改后答复"));
        fixture.event(a2, "RATED", bj("2026-03-05 09:00"), rated(2, 3, false, false));
        // A3: never contacted: both clocks ran out; still open
        long a3 = dispatched("A3", "DISPATCHED");
        fixture.event(a3, "SLA_OVERDUE", at("11:00"), Map.of("clock", "RESPOND", "step", "OVERDUE"));
        fixture.event(a3, "SLA_OVERDUE", bj("2026-03-16 18:00"), Map.of("clock", "HANDLE", "step", "OVERDUE"));
        // A4: dispatched to SAMR, transferred at 10:05, contact 10:10, reply 10:20; its 1 point excluded on review
        long a4 = fixture.appeal(unit, "ST-SHIPAI", "TAX_SERVICE", "EVALUATED", at("09:50"));
        ids.put("A4", a4);
        fixture.clock(a4, "RESPOND", at("10:00"), at("11:00"));
        fixture.clock(a4, "HANDLE", at("10:00"), bj("2026-03-16 18:00"));
        fixture.event(a4, "RECEIVED", at("09:50"), Map.of("channel", "WEB"));
        fixture.event(a4, "DISPATCHED", at("10:00"), Map.of("unit", "SAMR"));
        fixture.event(a4, "TRANSFERRED", at("10:05"), Map.of("fromUnit", "SAMR", "toUnit", unit));
        fixture.event(a4, "FIRST_CONTACT", at("10:10"), Map.of());
        fixture.event(a4, "REPLIED", at("10:20"), Map.of("answer", "已答复"));
        fixture.event(a4, "RATED", at("16:00"), rated(1, 1, false, false));
        fixture.event(a4, "RATING_CONTESTED", at("16:30"), Map.of("round", 1, "reason", "恶意差评"));
        fixture.event(a4, "RATING_REVIEW_DECIDED", bj("2026-03-03 10:00"),
                Map.of("round", 1, "upheld", false, "excludedFromMetrics", true));
        // A6: contact 10:05, reply 11:00; defaulted 3 points unresolved, overturned to resolved by the return visit
        long a6 = dispatched("A6", "EVALUATED");
        fixture.event(a6, "FIRST_CONTACT", at("10:05"), Map.of());
        fixture.event(a6, "REPLIED", at("11:00"), Map.of("answer", "已答复"));
        fixture.event(a6, "RATED", bj("2026-03-09 11:00"), rated(1, 3, false, true));
        fixture.event(a6, "RETURN_VISITED", bj("2026-03-10 10:00"),
                Map.of("outcome", "REACHED", "resolved", true, "overturned", true));
        // A7: contact 10:40, reply 17:00; 1 point unresolved
        long a7 = dispatched("A7", "EVALUATED");
        fixture.event(a7, "FIRST_CONTACT", at("10:40"), Map.of());
        fixture.event(a7, "REPLIED", at("17:00"), Map.of("answer", "已答复"));
        fixture.event(a7, "RATED", bj("2026-03-03 12:00"), rated(1, 1, false, false));
        projector.projectAll().await().indefinitely();
    }

    private JsonPath summary(String user, String unitCode) {
        return given().auth().oauth2(Appeals.tokenFor(user)).queryParam("from", DAY).queryParam("to", DAY)
                .queryParam("unit", unitCode).get("/api/v1/metrics/summary").then().statusCode(200).extract().jsonPath();
    }

    private static double rate(JsonPath summary, String figure) {
        return summary.getDouble("rates.find { it.figure == '" + figure + "' }.value");
    }

    @Test
    void every_rate_is_the_hand_computed_one() {
        JsonPath s = summary("district-leader", unit);
        assertThat(s.getLong("counts.RECEIVED.value")).isEqualTo(6);
        assertThat(s.getLong("counts.DISPATCHED.value")).isEqualTo(6);
        // 响应率: on time A1 A4 A6 A7, late A2 (11:30 > 11:00) and A3 (ran out) -> 4/6
        assertThat(s.getLong("counts.RESPOND_DUE.value")).isEqualTo(6);
        assertThat(rate(s, "RESPONSE_RATE")).isCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-6));
        // 按期办结率: all replied before 2026-03-16 18:00 but A3, which ran out -> 5/6
        assertThat(rate(s, "ON_TIME_COMPLETION")).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-6));
        // rated: A1 (5, resolved), A2 (final round: 3, unresolved), A6 (3, overturned to resolved), A7 (1); A4 excluded
        assertThat(s.getLong("counts.RATED.value")).isEqualTo(4);
        assertThat(s.getLong("counts.EXCLUDED.value")).isEqualTo(1);
        assertThat(s.getLong("counts.DEFAULT_RATED.value")).isEqualTo(1);
        assertThat(rate(s, "RESOLUTION_RATE")).isEqualTo(0.5);       // A1, A6
        assertThat(rate(s, "SATISFACTION_RATE")).isEqualTo(0.75);    // A1, A2, A6
        assertThat(rate(s, "REWORK_RATE")).isEqualTo(0.2);           // A2 of 5 replied
        assertThat(rate(s, "RETURN_RATE")).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(rate(s, "TRANSFER_RATE")).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-6));
        // response minutes: A6 5, A4 10, A1 30, A7 40, A2 90
        assertThat(s.getLong("responseWorkingMinutes.appeals")).isEqualTo(5);
        assertThat(s.getLong("responseWorkingMinutes.p50")).isEqualTo(30);
        assertThat(s.getLong("responseWorkingMinutes.p99")).isEqualTo(90);
        // handling minutes: A4 20, A6 60, A2 180, A7 300, A1 420 (10–12, 14–18, next day 9–10)
        assertThat(s.getLong("handlingWorkingMinutes.p50")).isEqualTo(180);
        assertThat(s.getLong("handlingWorkingMinutes.p90")).isEqualTo(420);
        // custody: A1 420, A2 70 (from the re-dispatch at 11:50 to 15:00), A4 15, A6 60, A7 300 -> 865 / 5 = 173
        assertThat(s.getLong("custody.averageWorkingMinutes")).isEqualTo(173);
        // backlog: A3, open and more than seven days past 2026-03-16
        assertThat(s.getLong("overdue.total")).isEqualTo(1);
        assertThat(s.getLong("overdue.buckets.find { it.age == 'OVER_7_DAYS' }.count")).isEqualTo(1);
        assertThat(s.getString("rates.find { it.figure == 'SATISFACTION_RATE' }.formula")).contains("3–5");
    }

    private Set<Long> drill(String figure, int pageSize) {
        String token = Appeals.tokenFor("district-leader");
        List<Long> all = new ArrayList<>();
        Long after = null;
        for (int page = 0; page < 50; page++) {
            var request = given().auth().oauth2(token).queryParam("figure", figure).queryParam("from", DAY)
                    .queryParam("to", DAY).queryParam("unit", unit).queryParam("limit", pageSize);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath body = request.get("/api/v1/metrics/drilldown").then().statusCode(200).extract().jsonPath();
            all.addAll(body.getList("items.appealId", Long.class));
            after = body.get("next") == null ? null : body.getLong("next");
            if (after == null) {
                break;
            }
        }
        assertThat(all).doesNotHaveDuplicates();
        return new HashSet<>(all);
    }

    private Set<Long> of(String... names) {
        Set<Long> set = new HashSet<>();
        for (String name : names) {
            set.add(ids.get(name));
        }
        return set;
    }

    @Test
    void the_drilldown_lists_exactly_the_appeals_of_each_figure() {
        assertThat(drill("RESPOND_ON_TIME", 2)).isEqualTo(of("A1", "A4", "A6", "A7"));
        assertThat(drill("RESPOND_LATE", 1)).isEqualTo(of("A2", "A3"));
        assertThat(drill("RATED", 3)).isEqualTo(of("A1", "A2", "A6", "A7"));
        assertThat(drill("RESOLVED", 50)).isEqualTo(of("A1", "A6"));
        assertThat(drill("SATISFIED", 50)).isEqualTo(of("A1", "A2", "A6"));
        assertThat(drill("EXCLUDED", 50)).isEqualTo(of("A4"));
        assertThat(drill("RETURNED", 50)).isEqualTo(of("A2"));
        assertThat(drill("TRANSFERRED", 50)).isEqualTo(of("A4"));
        assertThat(drill("REWORKED", 50)).isEqualTo(of("A2"));
        assertThat(drill("OVERDUE", 50)).isEqualTo(of("A3"));
        JsonPath s = summary("district-leader", unit);
        for (String count : List.of("RECEIVED", "DISPATCHED", "RESPOND_DUE", "HANDLE_DUE", "HANDLE_ON_TIME", "REPLIED",
                "RATED", "RESOLVED", "SATISFIED", "OPEN")) {
            assertThat((long) drill(count, 4).size()).as(count).isEqualTo(s.getLong("counts." + count + ".value"));
        }
    }

    @Test
    void replaying_every_event_counts_nothing_twice() {
        JsonPath before = summary("district-leader", unit);
        fixture.pool().query("UPDATE metrics_projector SET position = 0").execute().await().indefinitely();
        fixture.pool().query("UPDATE metrics_appeal_fact SET applied_seq = 0").execute().await().indefinitely();
        projector.projectAll().await().indefinitely();
        projector.projectAll().await().indefinitely();
        JsonPath after = summary("district-leader", unit);
        assertThat(after.getMap("counts")).isEqualTo(before.getMap("counts"));
        assertThat(after.getList("rates")).isEqualTo(before.getList("rates"));
        assertThat(after.getMap("handlingWorkingMinutes")).isEqualTo(before.getMap("handlingWorkingMinutes"));
    }

    @Test
    void roles_scope_the_figures() {
        String leader = Appeals.tokenFor("leader-samr");
        given().auth().oauth2(leader).queryParam("unit", "TAX").get("/api/v1/metrics/summary").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://huiyin.cn/problems/forbidden"));
        given().auth().oauth2(leader).queryParam("unit", unit).queryParam("figure", "RECEIVED")
                .get("/api/v1/metrics/drilldown").then().statusCode(403);
        given().auth().oauth2(leader).get("/api/v1/metrics/summary").then().statusCode(200).body("unit", equalTo("SAMR"));
        given().auth().oauth2(leader).queryParam("unit", "SAMR").get("/api/v1/metrics/summary").then().statusCode(200);
        given().auth().oauth2(Appeals.tokenFor("commissioner-tax")).get("/api/v1/metrics/summary").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/metrics/summary").then().statusCode(401);
        given().auth().oauth2(Appeals.tokenFor("district-leader")).queryParam("figure", "NOPE")
                .get("/api/v1/metrics/drilldown").then().statusCode(400).body("field", equalTo("figure"));
    }
}
