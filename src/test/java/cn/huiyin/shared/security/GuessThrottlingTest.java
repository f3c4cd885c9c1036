package cn.huiyin.shared.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.evaluation.domain.RatingLinks;
import cn.huiyin.testsupport.Appeals;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Wrong query codes and forged rating links are counted per appeal and per client (every request here comes from the
 * same address); over the limit (10 per appeal, 30 per client in 15 minutes) even the right secret is refused 429.
 */
@QuarkusTest
@TestProfile(GuessThrottlingTest.DefaultLimits.class)
class GuessThrottlingTest {

    /** The production limits: the other tests run with a per-client limit no suite reaches (all come from 127.0.0.1). */
    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.guess-throttle.per-client", "30", "huiyin.guess-throttle.per-appeal", "10");
        }
    }

    private static final String WRONG = "WRONG234";

    @Inject
    RedisDataSource redis;

    @Inject
    RatingLinks links;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    /** The counters are the tests' own: no other test's wrong guesses count here, and none of these count later. */
    @BeforeEach
    @AfterEach
    void forgetGuesses() {
        List<String> keys = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match(keyPrefix + "guess:*").count(1000)).toIterable().forEach(keys::add);
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    private record Submitted(String trackingNo, String queryCode) {
    }

    private static Submitted submit() {
        var receipt = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract();
        return new Submitted(receipt.path("trackingNo"), receipt.path("queryCode"));
    }

    private static Response api(String trackingNo, String code) {
        return given().header("X-Query-Code", code).get("/api/v1/appeals/" + trackingNo);
    }

    private static Response page(String trackingNo, String code) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("trackingNo", trackingNo).formParam("queryCode", code).post("/appeals/lookup");
    }

    private static void wrongCodes(String trackingNo, int times) {
        for (int i = 0; i < times; i++) {
            api(trackingNo, WRONG).then().statusCode(404);
        }
    }

    private static void assertRetryAfter(Response response) {
        long seconds = Long.parseLong(response.header("Retry-After"));
        assertThat(seconds).isBetween(1L, Duration.ofMinutes(15).toSeconds());
    }

    private static void assertThrottled(Response api, String field) {
        api.then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/too-many-attempts")).body("status", equalTo(429)).body("field", equalTo(field));
        assertRetryAfter(api);
    }

    @Test
    void the_eleventh_attempt_after_ten_wrong_codes_is_refused_even_with_the_right_code() {
        Submitted appeal = submit();
        wrongCodes(appeal.trackingNo(), 5);
        // a right code is no wrong guess, and resets nothing
        api(appeal.trackingNo(), appeal.queryCode()).then().statusCode(200);
        wrongCodes(appeal.trackingNo(), 5);

        assertThrottled(api(appeal.trackingNo(), appeal.queryCode()), "queryCode");
        assertThrottled(api(appeal.trackingNo(), WRONG), "queryCode");

        Response onPage = page(appeal.trackingNo(), appeal.queryCode());
        onPage.then().statusCode(429).contentType(ContentType.HTML)
                .body(containsString("尝试次数过多，请")).body(containsString("分钟后再试"))
                .body(containsString("value=\"" + appeal.trackingNo() + "\""));
        assertRetryAfter(onPage);

        // staff do not guess: their view does not depend on a code
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).get("/api/v1/appeals/" + appeal.trackingNo())
                .then().statusCode(200);
    }

    @Test
    void wrong_codes_on_the_lookup_page_count_like_the_apis() {
        Submitted appeal = submit();
        for (int i = 0; i < 10; i++) {
            page(appeal.trackingNo(), WRONG).then().statusCode(200).body(containsString("未找到该诉求"));
        }
        Response refused = page(appeal.trackingNo(), appeal.queryCode());
        refused.then().statusCode(429).body(containsString("尝试次数过多")).body(containsString("分钟后再试"));
        assertRetryAfter(refused);
        assertThrottled(api(appeal.trackingNo(), appeal.queryCode()), "queryCode");
    }

    @Test
    void another_appeal_from_the_same_client_is_open_until_the_client_has_guessed_thirty_times() {
        Submitted first = submit();
        Submitted second = submit();
        Submitted third = submit();
        Submitted fourth = submit();

        wrongCodes(first.trackingNo(), 10);
        assertThrottled(api(first.trackingNo(), first.queryCode()), "queryCode");
        api(second.trackingNo(), second.queryCode()).then().statusCode(200);
        page(second.trackingNo(), second.queryCode()).then().statusCode(200).body(containsString("id=\"status\""));

        wrongCodes(second.trackingNo(), 10);
        wrongCodes(third.trackingNo(), 10); // the client's 30th wrong code: still answered

        assertThrottled(api(fourth.trackingNo(), fourth.queryCode()), "queryCode");
        page(fourth.trackingNo(), fourth.queryCode()).then().statusCode(429).body(containsString("尝试次数过多"));
        // an appeal nobody guessed at all: the client's limit is what refuses it
        assertThrottled(api(fourth.trackingNo(), "ZZZZ2345"), "queryCode");
    }

    @Test
    void forged_rating_links_are_throttled_and_then_even_the_genuine_link_is_refused() {
        String no = submit().trackingNo();
        String genuine = links.token(no, 1, Instant.now().plus(Duration.ofDays(1)));
        String expired = links.token(no, 1, Instant.now().minusSeconds(60));
        String forged = no + "-1-" + Instant.now().plus(Duration.ofDays(1)).getEpochSecond() + "-AAAAAAAAAAAAAAAAAAAAAA";

        given().get("/rate/" + genuine).then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().get("/rate/" + expired).then().statusCode(410); // genuine, if late: no guess
        }
        for (int i = 0; i < 10; i++) {
            given().get("/rate/" + forged).then().statusCode(403).body(containsString("链接无效"));
        }

        Response shown = given().get("/rate/" + genuine);
        shown.then().statusCode(429).contentType(ContentType.HTML).body(containsString("尝试次数过多"));
        assertRetryAfter(shown);
        Response posted = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("resolved", "yes").formParam("level", "5").post("/rate/" + genuine);
        posted.then().statusCode(429).body(containsString("分钟后再试"));
        assertRetryAfter(posted);

        // links and query codes are counted apart
        api(no, WRONG).then().statusCode(404);
    }
}
