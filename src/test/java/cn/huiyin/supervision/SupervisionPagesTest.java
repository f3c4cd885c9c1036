package cn.huiyin.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.sla.application.SlaSweeper;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The desk and the unit leader's orders as staff use them in a browser: Chinese pages, forms that post and redirect. */
@QuarkusTest
class SupervisionPagesTest {

    @Inject
    Database db;

    @Inject
    SlaSweeper sweeper;

    private String overdueAppeal() {
        String trackingNo = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        db.execute("UPDATE sla_timer SET due_at = now() - interval '2 days' WHERE appeal_id = $1 "
                + "AND fired_at IS NULL AND step IN ('WARNING', 'OVERDUE', 'SUPERVISION')", db.id(trackingNo));
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));
        return trackingNo;
    }

    private String taxLeaderCookie() {
        String name = "leader-tax-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'unit-leader', 'TAX', false)",
                name, "税务局 领导 " + name);
        return StaffPages.cookieFor(name);
    }

    @Test
    void a_supervisor_issues_an_order_on_the_desk_and_the_units_leader_answers_it_on_theirs() {
        String trackingNo = overdueAppeal();
        String supervisor = StaffPages.cookieFor("district-leader");

        StaffPages.get(supervisor, "/supervision").statusCode(200)
                .body(containsString("督办台"))
                .body(containsString("data-tracking-no=\"" + trackingNo + "\""))
                .body(containsString("<a href=\"/supervision\">督办台</a>"));

        StaffPages.post(supervisor, "/supervision/" + trackingNo + "/orders", "demand", "请说明超时原因及整改措施。",
                "replyWorkingDays", "2").statusCode(303).header("Location", containsString("/supervision?ok=issued"));
        StaffPages.get(supervisor, "/supervision?ok=issued").statusCode(200)
                .body(containsString("已下发督办单"))
                .body(containsString("请说明超时原因及整改措施。"));

        String leader = taxLeaderCookie();
        String orders = StaffPages.get(leader, "/supervision/orders").statusCode(200)
                .body(containsString("data-tracking-no=\"" + trackingNo + "\""))
                .extract().asString();
        long id = db.count("SELECT o.id FROM supervision_order o WHERE o.appeal_id = $1", db.id(trackingNo));
        assertThat(orders).contains("action=\"/supervision/orders/" + id + "/answer\"");

        StaffPages.post(leader, "/supervision/orders/" + id + "/answer", "explanation", "已协调税源管理部门，企业开票问题今日解决。")
                .statusCode(303).header("Location", containsString("/supervision/orders?ok=answered"));
        StaffPages.get(leader, "/supervision/orders?ok=answered").statusCode(200)
                .body(containsString("已提交情况说明"))
                .body(containsString("已协调税源管理部门，企业开票问题今日解决。"))
                .body(not(containsString("action=\"/supervision/orders/" + id + "/answer\"")));
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("ANSWERED");
    }

    @Test
    void bad_forms_show_the_page_again_in_chinese_and_store_nothing() {
        String trackingNo = overdueAppeal();
        String dispatcher = StaffPages.cookieFor("dispatcher-demo");

        StaffPages.post(dispatcher, "/supervision/" + trackingNo + "/orders", "demand", "短", "replyWorkingDays", "十")
                .statusCode(422)
                .body(containsString("督办要求须为5至1000字"))
                .body(containsString("答复期限须为1至10个工作日"));
        assertThat(db.count("SELECT count(*) FROM supervision_order WHERE appeal_id = $1", db.id(trackingNo))).isZero();

        StaffPages.post(dispatcher, "/supervision/" + trackingNo + "/orders", "demand", "请说明超时原因。", "replyWorkingDays", "1")
                .statusCode(303);
        StaffPages.post(dispatcher, "/supervision/" + trackingNo + "/orders", "demand", "第二份督办单。", "replyWorkingDays", "1")
                .statusCode(409).body(containsString("该诉求已有一份待答复的督办单"));

        long id = db.count("SELECT id FROM supervision_order WHERE appeal_id = $1", db.id(trackingNo));
        StaffPages.post(taxLeaderCookie(), "/supervision/orders/" + id + "/answer", "explanation", "太短")
                .statusCode(422).body(containsString("情况说明须为10至2000字"));
        StaffPages.post(StaffPages.cookieFor("leader-samr"), "/supervision/orders/" + id + "/answer", "explanation",
                "不是本单位的督办单，但说明足够长。").statusCode(404).body(containsString("未找到该诉求或督办单"));
        assertThat(db.string("SELECT state FROM supervision_order WHERE id = $1", id)).isEqualTo("OPEN");
    }

    @Test
    void each_page_opens_only_to_its_roles() {
        given().accept("text/html").redirects().follow(false).get("/supervision").then().statusCode(303)
                .header("Location", equalTo("/signin?to=%2Fsupervision"));
        given().cookie("huiyin_token", StaffPages.cookieFor("leader-samr")).accept("text/html").get("/supervision")
                .then().statusCode(403);
        given().cookie("huiyin_token", StaffPages.cookieFor("dispatcher-demo")).accept("text/html").get("/supervision/orders")
                .then().statusCode(403);
        StaffPages.get(StaffPages.cookieFor("commissioner-tax"), "/supervision").statusCode(403);
        StaffPages.get(StaffPages.cookieFor("dispatcher-demo"), "/supervision").statusCode(200);
        StaffPages.get(StaffPages.cookieFor("leader-samr"), "/supervision/orders").statusCode(200).body(containsString("督办单"));
    }
}
