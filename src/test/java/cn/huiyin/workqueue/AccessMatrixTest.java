package cn.huiyin.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WorkQueues;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every role against every appeal endpoint, on an appeal that is not theirs (a TAX appeal of another
 * enterprise): each attempt is refused with the status the table says, and nothing about the appeal changes.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> EVERYONE = List.of(ANONYMOUS, "enterprise-demo", "agent-demo", "commissioner-samr",
            "leader-samr", "dispatcher-demo", "district-leader", "admin");

    /** An endpoint, its body, and the roles that may use it on some appeal (they are refused only by scope). */
    record Endpoint(String method, String path, Map<String, Object> body, List<String> roles) {
    }

    private static final List<String> UNIT_STAFF = List.of("commissioner-samr", "leader-samr");

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "", null, List.of("enterprise-demo", "commissioner-samr", "leader-samr")),
            new Endpoint("POST", "/claim", null, UNIT_STAFF),
            new Endpoint("POST", "/accept", null, UNIT_STAFF),
            new Endpoint("POST", "/first-contact", Map.of("note", "已联系"), UNIT_STAFF),
            new Endpoint("POST", "/notes", Map.of("note", "越权备注", "visibleToEnterprise", true), UNIT_STAFF),
            new Endpoint("POST", "/reply", Map.of("answer", "这是一个越权的答复内容，不应被保存。"), UNIT_STAFF),
            new Endpoint("POST", "/transfer", Map.of("toUnit", "SAMR", "reason", "越权转办"), UNIT_STAFF),
            new Endpoint("POST", "/return", Map.of("reason", "越权退单"), UNIT_STAFF),
            new Endpoint("POST", "/extension-request", Map.of("clock", "HANDLE", "workingDays", 2, "reason", "越权延期"), UNIT_STAFF),
            new Endpoint("POST", "/personal-data", Map.of("field", "contactMobile", "purpose", "越权查看"), UNIT_STAFF),
            new Endpoint("GET", "/integrity", null, List.of()),
            new Endpoint("POST", "/clocks/HANDLE/extension", Map.of("workingDays", 2, "reason", "越权批准"), List.of("leader-samr")),
            new Endpoint("POST", "@/api/v1/dispatch/appeals/{no}/helpers", Map.of("unit", "SAMR"), List.of("leader-samr")));

    /** Dispatcher-only endpoints: everyone else is refused by role, whatever the appeal. */
    private static final List<Endpoint> DISPATCHER_ONLY = List.of(
            new Endpoint("POST", "@/api/v1/dispatch/appeals/{no}/dispatch", Map.of("category", "TAX_SERVICE"), List.of()),
            new Endpoint("POST", "@/api/v1/dispatch/appeals/{no}/return-decision", Map.of("accept", false, "reason", "越权仲裁"), List.of()),
            new Endpoint("POST", "@/api/v1/dispatch/appeals/{no}/merge", Map.of("parent", "2611250000013"), List.of()));

    @Inject
    Database db;

    private final Map<String, String> tokens = new HashMap<>();

    private RequestSpecification as(String user) {
        RequestSpecification request = given();
        if (!ANONYMOUS.equals(user)) {
            request.auth().oauth2(tokens.computeIfAbsent(user, Appeals::tokenFor));
        }
        return request;
    }

    /** The status a refusal must have: 401 anonymous, 404 for a role scoped out of this appeal, 403 for a role never allowed. */
    private static int refusal(String user, Endpoint endpoint) {
        if (ANONYMOUS.equals(user)) {
            return endpoint.method().equals("GET") && endpoint.path().isEmpty() ? 404 : 401;
        }
        return endpoint.roles().contains(user) ? 404 : 403;
    }

    @TestFactory
    Stream<DynamicTest> every_role_is_refused_on_someone_elses_appeal_and_nothing_changes() {
        String no = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals").then()
                .statusCode(202).extract().path("trackingNo");
        long id = db.id(no);
        String before = db.string("SELECT status || '/' || event_count || '/' || coalesce(assignee, '-') FROM appeal WHERE id = $1", id);

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String user : EVERYONE) {
                if (allowedEverywhere(user, endpoint)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(user + " " + endpoint.method() + " " + endpoint.path(),
                        () -> call(user, endpoint, no, refusal(user, endpoint))));
            }
        }
        for (Endpoint endpoint : DISPATCHER_ONLY) {
            for (String user : EVERYONE) {
                if (!"dispatcher-demo".equals(user)) {
                    tests.add(DynamicTest.dynamicTest(user + " " + endpoint.method() + " " + endpoint.path(),
                            () -> call(user, endpoint, no, ANONYMOUS.equals(user) ? 401 : 403)));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("nothing changed", () -> {
            assertThat(db.string("SELECT status || '/' || event_count || '/' || coalesce(assignee, '-') FROM appeal WHERE id = $1", id))
                    .isEqualTo(before);
            assertThat(db.count("SELECT count(*) FROM personal_data_reveal WHERE appeal_id = $1", id)).isZero();
            assertThat(db.count("SELECT count(*) FROM extension_request WHERE appeal_id = $1", id)).isZero();
            assertThat(db.count("SELECT count(*) FROM appeal_helper_unit WHERE appeal_id = $1", id)).isZero();
        }));
        tests.add(DynamicTest.dynamicTest("another unit's queue does not list it",
                () -> assertThat(WorkQueues.walk("commissioner-samr")).doesNotContain(no)));
        return tests.stream();
    }

    /** District-wide staff may read any appeal: for them the GET is not "someone else's". */
    private static boolean allowedEverywhere(String user, Endpoint endpoint) {
        boolean districtWide = List.of("agent-demo", "dispatcher-demo", "district-leader", "admin").contains(user);
        if (endpoint.method().equals("GET") && endpoint.path().isEmpty()) {
            return districtWide;
        }
        if (endpoint.path().equals("/integrity")) {
            return List.of("district-leader", "admin").contains(user);
        }
        if (endpoint.path().equals("/personal-data")) {
            return List.of("agent-demo", "dispatcher-demo").contains(user);
        }
        return "dispatcher-demo".equals(user) && (endpoint.path().contains("/extension") || endpoint.path().contains("helpers"));
    }

    private void call(String user, Endpoint endpoint, String no, int expected) {
        String path = endpoint.path().startsWith("@") ? endpoint.path().substring(1).replace("{no}", no)
                : "/api/v1/appeals/" + no + endpoint.path();
        RequestSpecification request = as(user);
        if (endpoint.body() != null) {
            request.contentType(ContentType.JSON).body(endpoint.body());
        }
        var response = endpoint.method().equals("GET") ? request.get(path) : request.post(path);
        response.then().statusCode(expected);
        if (expected != 200) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
