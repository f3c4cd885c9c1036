package cn.huiyin.knowledge;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Articles and the people who write them, for the knowledge base's tests: every title is this test's own. */
final class ArticleFixtures {

    static final String ANSWER = "办理营业执照遗失补领，可登录广东政务服务网提交申请，材料齐全的当场办结，无需登报声明。";

    private ArticleFixtures() {
    }

    /** A short tag that makes a title or a key this test's own. */
    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> article(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("questions", List.of(title + "怎么办理", "请问" + title + "需要什么材料"));
        body.put("answer", ANSWER);
        body.put("sourceName", "《市场主体登记管理条例实施细则》");
        body.put("sourceLink", "https://www.gdzwfw.gov.cn/");
        body.put("categoryCode", "BIZ_REG");
        body.put("validFrom", "2026-01-01");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static String token(String user) {
        return Appeals.tokenFor(user);
    }

    /** A second leader of the unit, so that a leader's own draft can be reviewed by someone else. */
    static String newLeader(Database db, String unit) {
        String name = "kb-leader-" + unit.toLowerCase() + "-" + tag();
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'unit-leader', $3, false)",
                name, "领导 " + name, unit);
        return name;
    }

    static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/knowledge/articles").then();
    }

    static ValidatableResponse step(String token, long id, String step) {
        return given().auth().oauth2(token).post("/api/v1/knowledge/articles/" + id + "/" + step).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }

    /** Created by the SAMR commissioner, reviewed and published by the SAMR leader: its id. */
    static long published(String title) {
        long id = create(token("commissioner-samr"), article(title)).statusCode(201).extract().jsonPath().getLong("id");
        step(token("leader-samr"), id, "review").statusCode(200);
        step(token("leader-samr"), id, "publish").statusCode(200);
        return id;
    }
}
