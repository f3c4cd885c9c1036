package cn.huiyin.workqueue;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static cn.huiyin.testsupport.StaffPages.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dispatcher's desk page: placing what routing left, arbitrating a return, merging, deciding extensions; its
 * pages, oldest first, and each appeal's placement page; and its forms refused in the desk's own words when a field
 * breaks the API's rule.
 */
@QuarkusTest
class DispatchDeskPageTest {

    @Inject
    Database db;

    /** Marks this test's appeals, whose placements become training examples: they are removed afterwards. */
    static final String MARK = "派单台页面测试";

    @Inject
    RoutingSuggestions routing;

    /** A text the classifier cannot place with confidence, so it waits for the dispatcher. */
    static String vague() {
        Map<String, Object> body = Appeals.with("category", null);
        body.put("title", MARK + "：不知道找哪个部门");
        body.put("description", "我们公司碰到一个情况，不确定应该向哪个部门反映，麻烦帮忙转给合适的部门，谢谢。");
        return WorkQueuePagesTest.submit(body);
    }

    /** What a dispatcher places here must not teach routing to place other tests' vague texts. */
    @AfterEach
    void forgetThePlacements() {
        forgetThePlacements(db, routing);
    }

    static void forgetThePlacements(Database db, RoutingSuggestions routing) {
        db.execute("DELETE FROM routing_example WHERE source = 'CORRECTION' AND text LIKE $1", MARK + "%");
        routing.examplesChanged();
    }

    private static final Pattern NEXT_PAGE = Pattern.compile("href=\"/dispatch(\\?after=[^\"]+)\" id=\"next-page\"");

    private static final Pattern WAITING_ROW = Pattern.compile("<tr data-tracking-no=\"(\\d+)\"");

    /** The tracking numbers of a desk page's waiting list, in its order (the hot spots' rows are not counted). */
    static List<String> waitingRows(String html) {
        String table = html.substring(html.indexOf("<table id=\"waiting\">"));
        Matcher row = WAITING_ROW.matcher(table.substring(0, table.indexOf("</table>")));
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1));
        }
        return rows;
    }

    /**
     * The desk page that lists {@code no}, reached through the pages' next links from the first (other tests leave
     * appeals waiting ahead of it).
     */
    static String deskPageListing(String cookie, String no) {
        return get(cookie, deskPathListing(cookie, no)).statusCode(200).extract().asString();
    }

    /** The address of the desk page that lists {@code no}. */
    static String deskPathListing(String cookie, String no) {
        String path = "/dispatch?limit=100";
        for (int pages = 0; pages < 500; pages++) {
            String html = get(cookie, path).statusCode(200).extract().asString();
            if (waitingRows(html).contains(no)) {
                return path;
            }
            Matcher next = NEXT_PAGE.matcher(html);
            if (!next.find()) {
                break;
            }
            path = "/dispatch" + next.group(1).replace("&amp;", "&");
        }
        throw new AssertionError(no + " is on no page of the dispatcher's desk");
    }

    private String placement(String no) {
        return db.string("SELECT status || '/' || coalesce(handling_unit, '-') FROM appeal WHERE tracking_no = $1", no);
    }

    @Test
    void an_unplaced_appeal_is_listed_with_suggestions_and_dispatched_from_the_page() {
        String no = vague();
        String dispatcher = cookieFor("dispatcher-demo");
        get(dispatcher, "/dispatch").statusCode(200).body(containsString("待派单与退单"));
        assertThat(deskPageListing(dispatcher, no)).contains("action=\"/dispatch/" + no + "/dispatch\"", "建议：",
                "action=\"/dispatch/" + no + "/merge\"", "href=\"/dispatch/" + no + "\"");

        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "OTHER").statusCode(422)
                .body(containsString("该分类需由派单员指定承办单位"));
        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "").statusCode(422).body(containsString("请选择诉求分类"));
        assertThat(placement(no)).isEqualTo("RECEIVED/-");

        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "BIZ_REG").statusCode(303)
                .header("Location", endsWith("/dispatch?ok=dispatch"));
        assertThat(placement(no)).isEqualTo("DISPATCHED/SAMR");
        get(dispatcher, "/dispatch?ok=dispatch").statusCode(200).body(containsString("已派单"))
                .body(not(containsString("action=\"/dispatch/" + no + "/dispatch\"")));
        get(dispatcher, "/dispatch/" + no).statusCode(404).body(containsString("未找到该诉求"));
    }

    @Test
    void the_desk_pages_oldest_first_from_the_last_row_and_a_placed_appeal_leaves_its_page() {
        String first = vague();
        String second = vague();
        String third = vague();
        String dispatcher = cookieFor("dispatcher-demo");

        String page = get(dispatcher, "/dispatch?after=" + first + "&limit=1").statusCode(200).extract().asString();
        assertThat(waitingRows(page)).containsExactly(second);
        assertThat(page).contains("href=\"/dispatch?after=" + second + "&amp;limit=1\" id=\"next-page\"", "id=\"first-page\"");
        assertThat(waitingRows(get(dispatcher, "/dispatch?after=" + second + "&limit=1").statusCode(200).extract().asString()))
                .containsExactly(third);
        assertThat(waitingRows(get(dispatcher, "/dispatch?after=" + first + "&limit=2").statusCode(200).extract().asString()))
                .containsExactly(second, third);

        post(dispatcher, "/dispatch/" + second + "/dispatch", "category", "BIZ_REG").statusCode(303);
        assertThat(waitingRows(get(dispatcher, "/dispatch?after=" + first + "&limit=1").statusCode(200).extract().asString()))
                .containsExactly(third);
        // the placed appeal still marks its place: a page that ended with it goes on after it
        assertThat(waitingRows(get(dispatcher, "/dispatch?after=" + second + "&limit=1").statusCode(200).extract().asString()))
                .containsExactly(third);
        // an address that names no tracking number starts from the top
        get(dispatcher, "/dispatch?after=nonsense&limit=1000").statusCode(200).body(not(containsString("id=\"first-page\"")));
    }

    @Test
    void the_catalogue_lists_are_sent_once_a_page_and_in_full_on_an_appeals_placement_page() {
        String no = vague();
        String dispatcher = cookieFor("dispatcher-demo");
        String desk = deskPageListing(dispatcher, no);
        assertThat(count(desk, "<select name=\"category\"")).isEqualTo(1);
        assertThat(count(desk, "<select name=\"toUnit\"")).isEqualTo(1);
        assertThat(desk).contains("<template id=\"placement-fields\">", "<option value=\"BIZ_REG\">", "/js/desk-placement.js");

        String placing = get(dispatcher, "/dispatch/" + no).statusCode(200).extract().asString();
        assertThat(placing).contains("action=\"/dispatch/" + no + "/dispatch\"", "<select name=\"category\"",
                "<option value=\"BIZ_REG\">", "<select name=\"unit\"", "action=\"/dispatch/" + no + "/merge\"");
        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "OTHER", "unit", "SAMR").statusCode(303)
                .header("Location", endsWith("/dispatch?ok=dispatch"));
        assertThat(placement(no)).isEqualTo("DISPATCHED/SAMR");
        get(dispatcher, "/dispatch/" + no).statusCode(404);
        get(cookieFor("commissioner-samr"), "/dispatch/" + no).statusCode(403);
    }

    @Test
    void a_row_shows_its_title_as_text_never_as_markup_and_every_form_carries_the_anti_forgery_field() {
        String no = vague();
        db.execute("UPDATE appeal SET title = $2, urgent = true WHERE tracking_no = $1", no,
                "<b>营业执照</b> & \"变更\" '地址'<script>alert(1)</script>");
        String dispatcher = cookieFor("dispatcher-demo");

        String desk = deskPageListing(dispatcher, no);
        int start = desk.indexOf("<tr data-tracking-no=\"" + no + "\">");
        assertThat(start).as("the appeal's row").isNotNegative();
        String row = desk.substring(start, desk.indexOf("</td></tr>", start)); // with the merge row below it
        String shown = "&lt;b&gt;营业执照&lt;/b&gt; &amp; &quot;变更&quot; &#39;地址&#39;&lt;script&gt;alert(1)&lt;/script&gt;"
                + " <span class=\"tag\">紧急</span>";
        assertThat(row).contains(no + "<br>" + shown, "action=\"/dispatch/" + no + "/merge\"").doesNotContain("<script>", "<b>");
        assertThat(count(row, "<form")).isGreaterThanOrEqualTo(2)
                .isEqualTo(count(row, "<input type=\"hidden\" name=\"_csrf\" value=\""));
        assertThat(row).doesNotContain("name=\"_csrf\" value=\"\"");

        String placing = get(dispatcher, "/dispatch/" + no).statusCode(200).extract().asString();
        assertThat(placing).contains(no + "<br>" + shown).doesNotContain("<script>", "<b>", "name=\"_csrf\" value=\"\"");
        assertThat(count(placing, "<form")).isEqualTo(count(placing, "<input type=\"hidden\" name=\"_csrf\" value=\""));
    }

    private static int count(String html, String part) {
        return html.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void a_returned_appeal_shows_the_unit_and_reason_and_a_refusal_sends_it_back() {
        String no = vague();
        String dispatcher = cookieFor("dispatcher-demo");
        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "BIZ_REG").statusCode(303);
        post(cookieFor("commissioner-samr"), "/workqueue/" + no + "/return", "reason", "不属于本局职责范围").statusCode(303)
                .header("Location", endsWith("/workqueue?ok=return"));
        assertThat(placement(no)).isEqualTo("RETURNED/SAMR");

        assertThat(deskPageListing(dispatcher, no)).contains("不属于本局职责范围", "天河区市场监督管理局",
                "action=\"/dispatch/" + no + "/return-decision\"");
        assertThat(get(dispatcher, "/dispatch/" + no).statusCode(200).extract().asString())
                .contains("<select name=\"toUnit\"", "不属于本局职责范围");
        post(dispatcher, "/dispatch/" + no + "/return-decision", "decision", "accept", "toUnit", "SAMR", "reason", "改派")
                .statusCode(422).body(containsString("改派不能派回退单的单位"));
        post(dispatcher, "/dispatch/" + no + "/return-decision", "decision", "refuse", "reason", "属于商事登记事项")
                .statusCode(303).header("Location", endsWith("/dispatch?ok=refuse-return"));
        assertThat(placement(no)).isEqualTo("DISPATCHED/SAMR");
    }

    @Test
    void a_duplicate_is_merged_and_an_extension_request_is_approved_from_the_page() {
        String parent = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental(MARK + "：主诉求"));
        String child = vague();
        String dispatcher = cookieFor("dispatcher-demo");
        post(dispatcher, "/dispatch/" + child + "/merge", "parent", child).statusCode(422)
                .body(containsString("主诉求须为另一件"));
        post(dispatcher, "/dispatch/" + child + "/merge", "parent", parent).statusCode(303);
        assertThat(placement(child)).startsWith("MERGED");

        String tax = cookieFor(newCommissioner(db, "ECO"));
        post(tax, "/workqueue/" + parent + "/accept").statusCode(303);
        post(tax, "/workqueue/" + parent + "/extension", "clock", "HANDLE", "workingDays", "3", "reason", "需要现场核查")
                .statusCode(303);
        post(tax, "/workqueue/" + parent + "/extension", "clock", "HANDLE", "workingDays", "3", "reason", "需要现场核查")
                .statusCode(409).body(containsString("该诉求已有待审批的延期申请"));
        long request = db.count("SELECT r.id FROM extension_request r JOIN appeal a ON a.id = r.appeal_id WHERE a.tracking_no = $1",
                parent);
        get(dispatcher, "/dispatch").statusCode(200).body(containsString("action=\"/dispatch/extensions/" + request + "/approve\""));
        post(dispatcher, "/dispatch/extensions/" + request + "/approve", "note", "同意").statusCode(303)
                .header("Location", endsWith("/dispatch?ok=approve"));
        post(dispatcher, "/dispatch/extensions/" + request + "/refuse").statusCode(404);
        assertThat(db.string("SELECT approved::text FROM extension_request WHERE id = $1", request)).isEqualTo("true");
    }

    // the dispatcher's forms under the API's field rules, in the desk's own words
    private String state(String no) {
        return db.string("SELECT status || '/' || event_count FROM appeal WHERE tracking_no = $1", no);
    }

    @Test
    void the_dispatchers_forms_word_their_own_fields() {
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("页面测试：派单台恶意表单"));
        String dispatcher = cookieFor("dispatcher-demo");
        String before = state(no);

        post(dispatcher, "/dispatch/" + no + "/return-decision", "decision", "accept", "toUnit", "", "reason", "x")
                .statusCode(422).body(containsString("同意退回时请选择改派单位")).body(containsString("处理意见须为2至500字"));
        post(dispatcher, "/dispatch/" + no + "/merge", "parent", "x".repeat(10_000)).statusCode(422)
                .body(containsString("主诉求编号须为13至20字"));

        assertThat(state(no)).isEqualTo(before);
    }
}
