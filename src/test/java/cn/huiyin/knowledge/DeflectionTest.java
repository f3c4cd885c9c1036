package cn.huiyin.knowledge;

import static cn.huiyin.knowledge.DeflectionFixtures.at;
import static cn.huiyin.knowledge.DeflectionFixtures.shown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.application.Deflection;
import cn.huiyin.knowledge.application.Deflection.ArticleFigures;
import cn.huiyin.knowledge.application.Deflection.Figures;
import cn.huiyin.knowledge.application.Deflections;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.StaffPages;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deflection figures from answers of the test's own (a unit nobody else uses): sessions, followed appeals within
 * 24 hours, sessions too young to count, feedback, the work queue left out — each figure exactly as the formula says.
 */
@QuarkusTest
class DeflectionTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Inject
    Database db;

    @Inject
    Deflections deflections;

    private String unit;
    private long a;
    private long b;
    private LocalDate from;

    /**
     * WEB: w1 (A sure, 有用; B suggested, same day), w2 (A sure, appeal 2 h later), w3 (B suggested only), w4 (A sure,
     * 没用, appeal 30 h later: too late to count). WECHAT: x1 on two days (A sure, 没用, appeal 1 h later; A sure),
     * x2 (B sure an hour ago: too young). PHONE: p1 (B sure). WORKQUEUE: q1 (A sure, 有用): left out. Another unit's
     * article C, shown on the web: left out of this unit's figures.
     */
    @BeforeEach
    void answers() {
        unit = DeflectionFixtures.newUnit();
        String p = "defl-" + UUID.randomUUID() + "-";
        a = DeflectionFixtures.article(db, unit, "分流测试文章A " + p);
        b = DeflectionFixtures.article(db, unit, "分流测试文章B " + p);
        long c = DeflectionFixtures.article(db, DeflectionFixtures.newUnit(), "分流测试文章C " + p);
        from = DeflectionFixtures.today().minusDays(10);
        shown(db, a, 1, "WEB", p + "w1", true, at(10, LocalTime.of(10, 0)), true, null);
        shown(db, b, 1, "WEB", p + "w1", false, at(10, LocalTime.of(11, 0)), null, null);
        shown(db, a, 1, "WEB", p + "w2", true, at(10, NINE), null, Duration.ofHours(2));
        shown(db, b, 1, "WEB", p + "w3", false, at(9, NINE), null, null);
        shown(db, a, 1, "WEB", p + "w4", true, at(9, NINE), false, Duration.ofHours(30));
        shown(db, a, 1, "WECHAT", p + "x1", true, at(8, NINE), false, Duration.ofHours(1));
        shown(db, a, 1, "WECHAT", p + "x1", true, at(7, NINE), null, null);
        shown(db, b, 1, "WECHAT", p + "x2", true, Instant.now().minus(Duration.ofHours(1)), null, null);
        shown(db, b, 1, "PHONE", p + "p1", true, at(8, NINE), null, null);
        shown(db, a, 1, "WORKQUEUE", p + "q1", true, at(8, NINE), true, null);
        shown(db, c, 1, "WEB", p + "o1", true, at(8, NINE), true, Duration.ofHours(1));
    }

    private Deflection figures() {
        return deflections.deflection(from, DeflectionFixtures.today(), unit).await().atMost(Duration.ofSeconds(10));
    }

    private static Figures channel(Deflection d, String channel) {
        return d.channels().stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow().figures();
    }

    private static ArticleFigures article(Deflection d, long id) {
        return d.articles().stream().filter(x -> x.articleId() == id).findFirst().orElseThrow();
    }

    @Test
    void each_channel_counts_sessions_answers_followed_within_24_hours_and_feedback() {
        Deflection d = figures();

        // shown, answered, followed, settled, deflected, helpful, notHelpful
        assertThat(channel(d, "WEB")).isEqualTo(new Figures(4, 3, 1, 3, 2, 1, 1));
        assertThat(channel(d, "WECHAT")).isEqualTo(new Figures(3, 3, 1, 2, 1, 0, 1));
        assertThat(channel(d, "PHONE")).isEqualTo(new Figures(1, 1, 0, 1, 1, 0, 0));
        assertThat(d.channels()).extracting(c -> c.channel()).containsExactly("WEB", "WECHAT", "PHONE");
        assertThat(d.overall()).isEqualTo(new Figures(8, 7, 2, 6, 4, 1, 2));
        assertThat(d.overall().deflectionRate()).isEqualTo(4.0 / 6);
        assertThat(d.overall().helpfulness()).isEqualTo(1.0 / 3);
        assertThat(d.overall().deflectionPercent()).isEqualTo("66.7%");
        assertThat(channel(d, "WECHAT").deflectionRate()).isEqualTo(0.5);
    }

    @Test
    void each_article_counts_the_sessions_it_answered_and_only_the_units_articles_are_listed() {
        Deflection d = figures();

        assertThat(article(d, a).figures()).isEqualTo(new Figures(5, 5, 2, 5, 3, 1, 2));
        assertThat(article(d, a).figures().deflectionRate()).isEqualTo(0.6);
        assertThat(article(d, b).figures()).isEqualTo(new Figures(4, 2, 0, 1, 1, 0, 0));
        assertThat(d.articles()).extracting(ArticleFigures::articleId).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void a_period_without_answers_has_no_rate_rather_than_zero() {
        Deflection d = deflections.deflection(from.minusDays(40), from.minusDays(30), unit).await().atMost(Duration.ofSeconds(10));

        assertThat(d.overall()).isEqualTo(Figures.NONE);
        assertThat(d.overall().deflectionRate()).isNull();
        assertThat(d.overall().helpfulness()).isNull();
        assertThat(d.articles()).isEmpty();
    }

    @Test
    void the_api_gives_the_figures_to_leaders_and_a_unit_leader_only_their_units() {
        String leader = Appeals.tokenFor("district-leader");
        given().auth().oauth2(leader).queryParam("from", from.toString()).queryParam("to", DeflectionFixtures.today().toString())
                .queryParam("unit", unit).get("/api/v1/knowledge/deflection")
                .then().statusCode(200)
                .body("overall.answered", equalTo(7)).body("overall.settled", equalTo(6)).body("overall.deflected", equalTo(4))
                .body("overall.deflectionRate", equalTo((float) (4.0 / 6)))
                .body("channels[1].channel", equalTo("WECHAT")).body("channels[1].figures.followed", equalTo(1))
                .body("formulas[0].formula", containsString("分流率"));

        String unitLeader = Appeals.tokenFor("leader-samr");
        given().auth().oauth2(unitLeader).queryParam("unit", unit).get("/api/v1/knowledge/deflection")
                .then().statusCode(403).body("field", equalTo("unit"));
        given().auth().oauth2(unitLeader).get("/api/v1/knowledge/deflection")
                .then().statusCode(200).body("unitCode", equalTo("SAMR"));
        given().auth().oauth2(Appeals.tokenFor("commissioner-samr")).get("/api/v1/knowledge/deflection")
                .then().statusCode(403);
        given().auth().oauth2(leader).queryParam("from", "2026-13-01").get("/api/v1/knowledge/deflection")
                .then().statusCode(400).contentType(containsString("problem+json")).body("field", equalTo("from"));
        given().auth().oauth2(leader).queryParam("from", "+300000-01-01").queryParam("to", "+300000-01-02")
                .get("/api/v1/knowledge/deflection")
                .then().statusCode(400).contentType(containsString("problem+json")).body("field", equalTo("to"));
    }

    @Test
    void the_effect_page_shows_channels_articles_and_formulas_in_chinese() {
        String cookie = StaffPages.cookieFor("district-leader");

        String page = StaffPages.get(cookie, "/knowledge/effect?from=" + from + "&unit=" + unit).statusCode(200)
                .extract().asString();

        assertThat(page).contains("知识库解答效果").contains("66.7%").contains("33.3%").contains("分流测试文章A")
                .contains("href=\"/knowledge/" + a + "\"").contains("不计入分流率").contains("分流率 = ");
    }

    @Test
    void the_leaders_dashboard_shows_the_deflection_rate_linked_to_its_drilldown() {
        String cookie = StaffPages.cookieFor("district-leader");

        String page = StaffPages.get(cookie, "/leader/metrics?from=" + from + "&to=" + DeflectionFixtures.today()
                + "&unit=" + unit).statusCode(200).extract().asString();

        assertThat(page).contains("知识库分流").contains("id=\"deflection-rate\">66.7%")
                .contains("未转诉求 4 ÷ 已满24小时的已解答会话 6").contains("id=\"helpfulness\">33.3%")
                .contains("href=\"/knowledge/effect?from=" + from + "&amp;to=" + DeflectionFixtures.today() + "&amp;unit="
                        + unit + "\"");
    }
}
