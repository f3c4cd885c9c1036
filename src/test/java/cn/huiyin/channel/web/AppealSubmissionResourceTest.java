package cn.huiyin.channel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class AppealSubmissionResourceTest {

    @Inject
    Database db;

    private static ExtractableResponse<Response> submit(Object body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/appeals").then().extract();
    }

    @Test
    void a_valid_appeal_is_acknowledged_with_a_tracking_number_and_dispatched_to_the_catalogue_unit() {
        Map<String, Object> body = Appeals.validSubmission();
        var receipt = submit(body, null);

        assertThat(receipt.statusCode()).isEqualTo(202);
        String trackingNo = receipt.path("trackingNo");
        String queryCode = receipt.path("queryCode");
        assertThat(trackingNo).matches("\\d{13}");
        assertThat(queryCode).hasSize(8);
        assertThat(receipt.header("Location")).endsWith("/api/v1/appeals/" + trackingNo);

        given().header("X-Query-Code", queryCode).get("/api/v1/appeals/" + trackingNo)
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("handlingUnit.code", equalTo("TAX"))
                .body("handlingUnit.name", equalTo("国家税务总局广州市天河区税务局"))
                .body("contactMobile", equalTo("138****8000"))
                .body("timeline.type", contains("RECEIVED", "DISPATCHED"))
                .body("timeline[0].actor", nullValue());
        assertThat(db.count("SELECT count(*) FROM outbox o JOIN appeal a ON a.id = o.appeal_id WHERE a.tracking_no = $1",
                trackingNo)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
            "uscc          | 914403001922038217 | uscc.checksum",
            "uscc          | 91350100M000100Y4Z | uscc.checksum",
            "uscc          | ' '                | uscc.required",
            "contactMobile | 12800138000        | contactMobile.invalid",
            "contactMobile | 1380013800         | contactMobile.invalid",
            "title         | ' '                | title.required",
            "description   | 太短了              | description.tooShort",
            "category      | NO_SUCH_CATEGORY   | category.unknown",
            "appealType    | GOSSIP             | appealType.invalid",
    })
    void invalid_fields_are_refused_with_a_problem_naming_the_field_and_nothing_is_stored(String field, String value,
            String code) {
        Map<String, Object> body = Appeals.with(field, value);
        String uscc = field.equals("uscc") ? null : (String) body.get("uscc");

        given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://huiyin.cn/problems/invalid-input"))
                .body("field", equalTo(field))
                .body("errors.code", hasItem(code));
        if (uscc != null) {
            assertThat(db.appealsOf(uscc)).isZero();
        }
    }

    @Test
    void consent_is_required() {
        given().contentType(ContentType.JSON).body(Appeals.with("consent", false)).post("/api/v1/appeals")
                .then().statusCode(422).body("field", equalTo("consent"));
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read() {
        Map<String, Object> body = Appeals.with("description", "很长".repeat(40_000));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals")
                .then().statusCode(413).contentType("application/problem+json").body("field", equalTo("body"));
        assertThat(db.appealsOf((String) body.get("uscc"))).isZero();
    }

    @Test
    void a_description_over_2000_characters_is_refused() {
        given().contentType(ContentType.JSON).body(Appeals.with("description", "字".repeat(2001)))
                .post("/api/v1/appeals").then().statusCode(422).body("field", equalTo("description"));
    }

    @Test
    void malformed_json_gets_a_problem_not_a_stack_trace() {
        given().contentType(ContentType.JSON).body("{\"uscc\": \"9144\", ").post("/api/v1/appeals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://huiyin.cn/problems/malformed-json"))
                .body("detail", notNullValue());
    }

    @Test
    void a_value_of_the_wrong_type_is_named() {
        given().contentType(ContentType.JSON).body(Appeals.with("urgent", List.of("yes")))
                .post("/api/v1/appeals").then().statusCode(400).body("field", equalTo("urgent"));
    }

    @Test
    void an_injection_string_is_stored_as_plain_text_and_changes_nothing_else() {
        String hostile = "'); DROP TABLE appeal; -- <script>alert(1)</script>";
        Map<String, Object> body = Appeals.with("title", hostile.substring(0, 40));
        var receipt = submit(body, null);
        assertThat(receipt.statusCode()).isEqualTo(202);
        assertThat(db.string("SELECT title FROM appeal WHERE tracking_no = $1", (String) receipt.path("trackingNo")))
                .isEqualTo(hostile.substring(0, 40));
    }

    @Test
    void a_replayed_idempotency_key_returns_the_first_answer_and_stores_one_appeal() {
        Map<String, Object> body = Appeals.validSubmission();
        String key = UUID.randomUUID().toString();

        var first = submit(body, key);
        var second = submit(body, key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat((String) second.path("trackingNo")).isEqualTo(first.path("trackingNo"));
        assertThat((String) second.path("queryCode")).isEqualTo(first.path("queryCode"));
        assertThat(db.appealsOf((String) body.get("uscc"))).isEqualTo(1);
    }

    @Test
    void concurrent_retries_with_one_key_store_one_appeal() {
        Map<String, Object> body = Appeals.validSubmission();
        String key = UUID.randomUUID().toString();
        Set<String> trackingNos = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.runAsync(() -> trackingNos.add(submit(body, key).path("trackingNo"))));
        }
        calls.forEach(CompletableFuture::join);

        assertThat(trackingNos).hasSize(1);
        assertThat(db.appealsOf((String) body.get("uscc"))).isEqualTo(1);
    }

    @Test
    void a_key_reused_for_a_different_appeal_is_refused() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = Appeals.validSubmission();
        submit(first, key);
        Map<String, Object> other = Appeals.with("uscc", first.get("uscc"));
        other.put("title", "另一件事");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(other).post("/api/v1/appeals")
                .then().statusCode(422).body("type", equalTo("https://huiyin.cn/problems/idempotency-key-reused"))
                .body("field", equalTo("Idempotency-Key"));
        assertThat(db.appealsOf((String) first.get("uscc"))).isEqualTo(1);
    }

    @Test
    void a_malformed_idempotency_key_is_refused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(200)).body(Appeals.validSubmission())
                .post("/api/v1/appeals").then().statusCode(400).body("field", equalTo("Idempotency-Key"));
    }

    @Test
    void an_appeal_without_category_waits_for_the_dispatcher_and_the_owner_does_not_see_internal_events() {
        Map<String, Object> body = Appeals.with("category", null);
        body.put("title", "想咨询一个问题");
        body.put("description", "请问我们公司遇到的这个情况应该找哪个部门，麻烦告知一下，谢谢。");
        var receipt = submit(body, null);

        given().header("X-Query-Code", (String) receipt.path("queryCode")).get(receipt.<String> path("statusUrl"))
                .then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("handlingUnit", nullValue())
                .body("timeline.type", contains("RECEIVED"));
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).get(receipt.<String> path("statusUrl"))
                .then().statusCode(200)
                .body("timeline.type", contains("RECEIVED", "AWAITING_DISPATCH"))
                .body("timeline[1].reason", startsWith("routing is not sure"));
    }

    @Test
    void a_local_matter_goes_to_the_street_of_a_known_enterprise() {
        Map<String, Object> body = Appeals.with("uscc", "91440106MA5CXK8R10");
        body.put("category", "LOCAL");
        var receipt = submit(body, null);

        given().header("X-Query-Code", (String) receipt.path("queryCode")).get(receipt.<String> path("statusUrl"))
                .then().statusCode(200).body("status", equalTo("DISPATCHED"))
                .body("handlingUnit.code", equalTo("ST-SHIPAI"));
    }

    @Test
    void a_signed_in_enterprise_gets_no_query_code_and_may_not_submit_for_another_enterprise() {
        String token = Appeals.tokenFor("enterprise-demo");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Appeals.with("uscc", "91440106MA5CXK8R10"))
                .post("/api/v1/appeals").then().statusCode(202).body("queryCode", nullValue())
                .body("trackingNo", matchesPattern("\\d{13}"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Appeals.validSubmission())
                .post("/api/v1/appeals").then().statusCode(422).body("errors.code", hasItem("uscc.mismatch"));
    }

    @Test
    void a_forged_token_is_refused() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .get("/api/v1/appeals/2611250000010/integrity")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void a_burst_of_concurrent_appeals_is_acknowledged_and_every_acknowledged_appeal_is_stored() {
        String uscc = cn.huiyin.testsupport.Usccs.random();
        Set<String> trackingNos = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int client = 0; client < 16; client++) {
            clients.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 25; i++) {
                    var receipt = submit(Appeals.with("uscc", uscc), null);
                    assertThat(receipt.statusCode()).isEqualTo(202);
                    trackingNos.add(receipt.path("trackingNo"));
                }
            }));
        }
        clients.forEach(CompletableFuture::join);

        assertThat(trackingNos).hasSize(400);
        assertThat(db.appealsOf(uscc)).isEqualTo(400);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE uscc = $1 AND status = 'DISPATCHED'", uscc)).isEqualTo(400);
    }
}
