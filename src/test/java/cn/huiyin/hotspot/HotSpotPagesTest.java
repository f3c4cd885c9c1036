package cn.huiyin.hotspot;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The hot spots on the leaders' dashboard (热点问题, with a drill-down to the appeals) and on the dispatcher's desk,
 * where the dispatcher merges a hot spot's appeals into the parent they choose (并单) through the desk's merge step.
 */
@QuarkusTest
class HotSpotPagesTest {

    /** 商标电子证书: cannot be downloaded — in three enterprises' words. */
    private static final String[][] CERTIFICATES = {
        { "商标电子注册证下载失败", "我司商标已核准注册，但在商标网上服务系统下载商标电子注册证时一直提示文件生成失败，请协助处理。" },
        { "商标注册证下载不了", "我们公司的商标核准注册后，商标网上服务系统里的电子注册证总是下载失败，提示文件生成失败，请帮忙。" },
        { "电子注册证一直下载失败", "公司商标已经注册成功，在商标网上服务系统下载电子注册证提示文件生成失败，急用于投标，请尽快处理。" } };

    /** 地理标志: a question about the labels — in three enterprises' words, merged from the desk. */
    private static final String[][] GEOGRAPHICAL = {
        { "地理标志专用标志使用申请", "我司生产的荔枝产品想申请使用地理标志专用标志，请问向哪个部门提交申请，需要哪些核验材料？" },
        { "申请使用地理标志专用标志", "我们合作社的荔枝想用地理标志专用标志，申请使用要向哪个部门提交，需要准备哪些材料？" },
        { "地理标志专用标志怎么申请", "公司荔枝产品符合产地要求，想申请使用地理标志专用标志，请问提交到哪个部门、需要什么材料？" } };

    @Inject
    HotSpotFixture fixture;

    @Inject
    Database db;

    @Test
    void the_dashboard_lists_the_hot_spot_and_its_drill_down_lists_its_appeals() {
        List<String> filed = fixture.file("IP", CERTIFICATES);
        fixture.refresh();
        long id = fixture.hotSpotOf(filed.get(0));
        assertThat(id).isPositive();

        String district = cookieFor("district-leader");
        get(district, "/leader/metrics?unit=SAMR&category=IP").statusCode(200).body(containsString("热点问题（每月一题）"))
                .body(containsString("href=\"/leader/metrics/hotspots/" + id + "\"")).body(containsString("↑</span> 3 / 0"))
                .body(containsString("件数 ≥ 3 且企业数 ≥ 2"));
        String drill = get(district, "/leader/metrics/hotspots/" + id).statusCode(200).extract().asString();
        assertThat(drill).contains(filed).contains("广州热点测试企业").contains("3家企业")
                .doesNotContain("href=\"/workqueue/" + filed.get(0));

        // the unit's leader reaches each appeal's page in the work queue
        get(cookieFor("leader-samr"), "/leader/metrics/hotspots/" + id).statusCode(200)
                .body(containsString("href=\"/workqueue/" + filed.get(0) + "\""));
        get(district, "/leader/metrics/hotspots/999999999999").statusCode(404).body(containsString("没有这个热点问题"));
    }

    @Test
    void the_dispatcher_merges_a_hot_spots_appeals_into_the_parent_they_choose() {
        List<String> filed = fixture.file("IP", GEOGRAPHICAL);
        fixture.refresh();
        long id = fixture.hotSpotOf(filed.get(0));
        assertThat(id).isPositive();
        String parent = filed.get(1);
        String dispatcher = cookieFor("dispatcher-demo");

        get(dispatcher, "/dispatch").statusCode(200).body(containsString("action=\"/dispatch/hotspots/" + id + "/merge\""))
                .body(containsString("name=\"children\" value=\"" + filed.get(2) + "\""))
                .body(containsString("name=\"_csrf\""));

        // the parent must be one of the hot spot's open appeals, and something must be ticked
        post(dispatcher, "/dispatch/hotspots/" + id + "/merge", "parent", "HY0000000000X", "children", filed.get(0))
                .statusCode(422).body(containsString("请选择本热点中尚未办结的一件诉求作为主诉求"));
        post(dispatcher, "/dispatch/hotspots/" + id + "/merge", "parent", parent, "children", parent)
                .statusCode(422).body(containsString("请勾选要并入主诉求的诉求"));
        assertThat(filed).allSatisfy(no -> assertThat(fixture.status(no)).isNotEqualTo("MERGED"));

        post(dispatcher, "/dispatch/hotspots/" + id + "/merge", "parent", parent, "children", filed.get(0), "children",
                filed.get(2), "children", parent).statusCode(303).header("Location", endsWith("/dispatch?ok=merge"));

        assertThat(fixture.status(filed.get(0))).isEqualTo("MERGED");
        assertThat(fixture.status(filed.get(2))).isEqualTo("MERGED");
        assertThat(fixture.status(parent)).isNotEqualTo("MERGED");
        assertThat(db.count("SELECT count(*) FROM appeal WHERE parent_id = $1", db.id(parent))).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id "
                + "WHERE a.tracking_no = $1 AND e.type = 'MERGED'", filed.get(0))).isEqualTo(1);

        // merged children can be merged no more: the desk offers no box for them
        get(dispatcher, "/dispatch?ok=merge").statusCode(200).body(containsString("已并单"))
                .body(not(containsString("name=\"children\" value=\"" + filed.get(0) + "\"")));
    }

    @Test
    void only_leaders_see_the_drill_down_and_only_dispatchers_merge() {
        get(cookieFor("commissioner-samr"), "/leader/metrics/hotspots/1").statusCode(403);
        post(cookieFor("leader-samr"), "/dispatch/hotspots/1/merge", "parent", "x").statusCode(403);
    }
}
