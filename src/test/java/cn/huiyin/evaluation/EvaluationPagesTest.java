package cn.huiyin.evaluation;

import static cn.huiyin.evaluation.EvaluationFlow.answered;
import static cn.huiyin.evaluation.EvaluationFlow.rate;
import static cn.huiyin.evaluation.EvaluationFlow.view;
import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/** The return-visit (回访) and rating-appeal (申诉复核) pages: same rules and services as the JSON API. */
@QuarkusTest
class EvaluationPagesTest {

    private static final String HTML = "text/html";

    @Inject
    Database db;

    private long visits(String no) {
        return db.count("SELECT count(*) FROM return_visit WHERE appeal_id = $1", db.id(no));
    }

    private static void refusedInABrowser(String cookie, String path) {
        given().redirects().follow(false).accept(HTML).cookie("huiyin_token", cookie).get(path)
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("无权访问"));
    }

    @Test
    void a_bad_rating_is_queued_for_a_visit_and_the_visit_recorded_on_the_page_is_what_the_api_shows() {
        String no = answered(false);
        rate("enterprise-demo", no, 1, false).statusCode(200);
        String dispatcher = cookieFor("dispatcher-demo");
        String form = "/evaluation/visits/" + no + "/1";

        get(dispatcher, "/evaluation/visits").statusCode(200).body(containsString("<h1>回访</h1>"))
                .body(containsString("action=\"" + form + "\"")).body(containsString("非常不满意，未解决"))
                .body(containsString("国家税务总局广州市天河区税务局")).body(containsString(EvaluationFlow.ANSWER))
                .body(containsString("差评回访"));

        post(dispatcher, form, "reached", "no", "resolved", "yes").statusCode(422)
                .body(containsString("未联系上企业时，不填写是否解决和满意度"));
        post(dispatcher, form, "reached", "yes", "resolved", "yes", "level", "9").statusCode(422)
                .body(containsString("满意度须为1（非常不满意）至5（非常满意）"));
        post(dispatcher, form, "resolved", "yes").statusCode(422).body(containsString("请选择是否联系上企业"));
        post(dispatcher, form, "reached", "no", "note", "长".repeat(501)).statusCode(422)
                .body(containsString("回访记录须为500字以内"));
        post(dispatcher, "/evaluation/visits/" + no + "/7", "reached", "no").statusCode(404)
                .body(containsString("未找到该诉求或该轮评价"));
        assertThat(visits(no)).isZero();

        post(dispatcher, form, "reached", "yes", "resolved", "yes", "level", "4", "note", "企业称已能正常开票").statusCode(303)
                .header("Location", endsWith("/evaluation/visits?ok=visit-overturned"));
        assertThat(visits(no)).isEqualTo(1);
        view(no).body("timeline.find { it.type == 'RETURN_VISITED' }.detail", equalTo("回访：问题已解决，满意（与评价不符）"));
        given().auth().oauth2(Appeals.tokenFor("dispatcher-demo")).queryParam("limit", 200).get("/api/v1/return-visits")
                .then().statusCode(200).body("trackingNo", not(hasItem(no)));
        get(dispatcher, "/evaluation/visits?ok=visit-overturned").statusCode(200)
                .body(containsString("评价已被推翻")).body(not(containsString("action=\"" + form + "\"")));

        post(dispatcher, form, "reached", "no").statusCode(409).body(containsString("该轮回访已记录"));
        assertThat(visits(no)).isEqualTo(1);
    }

    @Test
    void only_the_district_centre_opens_the_visit_page() {
        String no = answered(false);
        rate("enterprise-demo", no, 2, true).statusCode(200);
        String commissioner = cookieFor("commissioner-tax");
        refusedInABrowser(commissioner, "/evaluation/visits");
        post(commissioner, "/evaluation/visits/" + no + "/1", "reached", "no").statusCode(403);
        assertThat(visits(no)).isZero();
    }

    @Test
    void a_unit_contests_a_bad_rating_on_the_page_and_the_district_decides_it_on_the_page() {
        String no = answered(false);
        rate("enterprise-demo", no, 2, true).statusCode(200);
        long id = db.id(no);
        String commissioner = cookieFor("commissioner-tax");
        String contest = "/evaluation/contests/" + no + "/1";

        get(commissioner, "/evaluation/contests").statusCode(200).body(containsString("可申诉的差评"))
                .body(containsString("action=\"" + contest + "\"")).body(containsString("不满意，已解决"));
        post(commissioner, contest, "reason", "太短").statusCode(422).body(containsString("申诉理由须为5至500字"));
        post(cookieFor("commissioner-samr"), contest, "reason", "不是本单位的诉求也来申诉").statusCode(404)
                .body(containsString("未找到该诉求或该轮评价"));
        assertThat(db.count("SELECT count(*) FROM rating_contest WHERE appeal_id = $1", id)).isZero();

        post(commissioner, contest, "reason", "企业诉求超出法定职责范围，已依法答复").statusCode(303)
                .header("Location", endsWith("/evaluation/contests?ok=contest"));
        get(commissioner, "/evaluation/contests?ok=contest").statusCode(200).body(containsString("已提交申诉"))
                .body(not(containsString("action=\"" + contest + "\"")));
        post(commissioner, contest, "reason", "再次申诉试试看").statusCode(409).body(containsString("每轮只能申诉一次"));
        post(commissioner, contest + "/decision", "upheld", "uphold", "reason", "自己复核自己").statusCode(403);

        String dispatcher = cookieFor("dispatcher-demo");
        get(dispatcher, "/evaluation/contests").statusCode(200).body(containsString("待复核的申诉"))
                .body(containsString("action=\"" + contest + "/decision\""))
                .body(containsString("企业诉求超出法定职责范围，已依法答复"));
        post(dispatcher, contest + "/decision", "reason", "缺少是否成立的结论").statusCode(422)
                .body(containsString("请选择申诉是否成立"));
        post(dispatcher, contest + "/decision", "upheld", "uphold", "reason", "短").statusCode(422)
                .body(containsString("复核意见须为5至500字"));
        post(dispatcher, contest, "reason", "派单员不能申诉评价").statusCode(403);
        assertThat(db.string("SELECT (decided_at IS NULL)::text FROM rating_contest WHERE appeal_id = $1", id)).isEqualTo("true");

        post(dispatcher, contest + "/decision", "upheld", "uphold", "reason", "经核实，答复符合政策规定").statusCode(303)
                .header("Location", endsWith("/evaluation/contests?ok=upheld"));
        assertThat(db.string("SELECT excluded_from_metrics::text FROM rating WHERE appeal_id = $1", id)).isEqualTo("true");
        assertThat(db.string("SELECT payload FROM appeal_event WHERE appeal_id = $1 AND type = 'RATING_REVIEW_DECIDED'", id))
                .isEqualTo("{\"round\":1,\"upheld\":true,\"excludedFromMetrics\":true}");
        get(dispatcher, "/evaluation/contests?ok=upheld").statusCode(200).body(containsString("申诉成立"))
                .body(not(containsString("action=\"" + contest + "/decision\"")));
        post(cookieFor("district-leader"), contest + "/decision", "upheld", "reject", "reason", "重复复核不应成功")
                .statusCode(409).body(containsString("没有待复核的申诉"));
    }

    @Test
    void roles_outside_the_contest_api_get_the_refusal_page() {
        refusedInABrowser(cookieFor("agent-demo"), "/evaluation/contests");
        refusedInABrowser(cookieFor("admin"), "/evaluation/contests");
    }
}
