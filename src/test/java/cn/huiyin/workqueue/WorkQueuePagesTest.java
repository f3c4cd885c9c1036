package cn.huiyin.workqueue;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static cn.huiyin.testsupport.StaffPages.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.WorkQueues;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The commissioner's pages: the queue, one appeal with its forms, and what a refused step looks like; hostile form
 * values; the reveal of a masked contact (shown once, audited); and a unit leader's decisions on the unit's extension
 * requests (延期申请). The appeals go to ECO, worked by commissioners of the tests' own, so that the lists stay short
 * however many appeals other tests leave behind.
 */
@QuarkusTest
class WorkQueuePagesTest {

    @Inject
    Database db;

    /** An environmental appeal: it goes to ECO, a unit no other test works in, so its lists stay short. */
    static Map<String, Object> environmental(String title) {
        Map<String, Object> body = Appeals.with("category", "ENVIRONMENT");
        body.put("title", title);
        body.put("description", "园区周边企业夜间排放废气，异味明显，影响我司员工正常办公，请环保部门尽快核查处理。");
        return body;
    }

    static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(202)
                .extract().path("trackingNo");
    }

    private String status(String no) {
        return db.string("SELECT status FROM appeal WHERE tracking_no = $1", no);
    }

    @Test
    void the_queue_lists_the_units_appeal_and_its_page_shows_the_appeal_with_the_forms_allowed_now() {
        String no = submit(environmental("页面测试：夜间废气异味"));
        String tax = cookieFor(newCommissioner(db, "ECO"));

        get(tax, "/workqueue").statusCode(200).body(containsString("我的待办")).body(containsString("本单位待认领"))
                .body(containsString("href=\"/workqueue/" + no + "\"")).body(containsString("<script src=\"/js/live-refresh.js\">"));
        // the page's script is a file of its own, so the pages' Content-Security-Policy can forbid inline scripts
        given().get("/js/live-refresh.js").then().statusCode(200)
                .body(containsString("new EventSource('/api/v1/workqueue/live')"));
        get(tax, "/workqueue/" + no).statusCode(200)
                .body(containsString("页面测试：夜间废气异味")).body(containsString("异味明显，影响我司员工正常办公"))
                .body(containsString("138****8000")).body(not(containsString("13800138000")))
                .body(containsString("action=\"/workqueue/" + no + "/accept\"")).body(containsString("action=\"/workqueue/" + no + "/claim\""))
                .body(containsString("id=\"clocks\"")).body(containsString("已受理"))
                .body(not(containsString("action=\"/workqueue/" + no + "/reply\"")));
    }

    @Test
    void a_step_posts_redirects_with_a_chinese_message_and_moves_the_appeal() {
        String no = submit(environmental("页面测试：废气排放"));
        String tax = cookieFor(newCommissioner(db, "ECO"));

        post(tax, "/workqueue/" + no + "/accept").statusCode(303).header("Location", endsWith("/workqueue/" + no + "?ok=accept"));
        assertThat(status(no)).isEqualTo("ACCEPTED");
        get(tax, "/workqueue/" + no + "?ok=accept").statusCode(200).body(containsString("已签收"))
                .body(containsString("action=\"/workqueue/" + no + "/reply\"")).body(containsString("对企业可见"));
        get(tax, "/workqueue").statusCode(200).body(containsString("href=\"/workqueue/" + no + "\""));

        post(tax, "/workqueue/" + no + "/note", "note", "已向企业说明办理进度", "visibleToEnterprise", "on").statusCode(303);
        assertThat(db.string("SELECT visibility FROM appeal_event WHERE appeal_id = $1 AND type = 'NOTE'", db.id(no)))
                .isEqualTo("PUBLIC");
        post(tax, "/workqueue/" + no + "/first-contact", "note", "已电话联系").statusCode(303);
        assertThat(status(no)).isEqualTo("HANDLING");
    }

    @Test
    void bad_input_is_422_and_a_step_not_possible_now_is_409_both_in_chinese_and_nothing_changes() {
        String no = submit(environmental("页面测试：废气排放"));
        String tax = cookieFor(newCommissioner(db, "ECO"));
        post(tax, "/workqueue/" + no + "/accept").statusCode(303);

        post(tax, "/workqueue/" + no + "/reply", "answer", "好的").statusCode(422)
                .body(containsString("答复内容须为10至2000字")).body(containsString(no));
        post(tax, "/workqueue/" + no + "/extension", "clock", "HANDLE", "workingDays", "30", "reason", "需要现场核查")
                .statusCode(422).body(containsString("延期天数须为1至10个工作日"));
        post(tax, "/workqueue/" + no + "/accept").statusCode(409).body(containsString("诉求当前为“签收”状态，不能执行此操作"))
                .body(not(containsString("Exception")));
        post(tax, "/workqueue/" + no + "/transfer", "toUnit", "NOPE", "reason", "不属本单位职责").statusCode(422)
                .body(containsString("请选择有效的承办单位"));
        assertThat(status(no)).isEqualTo("ACCEPTED");
        assertThat(db.count("SELECT event_count FROM appeal WHERE tracking_no = $1", no)).isEqualTo(3);
    }

    @Test
    void another_units_appeal_is_a_404_page_and_other_roles_are_refused() {
        String no = submit(environmental("页面测试：废气排放"));
        String samr = cookieFor("commissioner-samr");
        get(samr, "/workqueue/" + no).statusCode(404).body(containsString("未找到该诉求"));
        post(samr, "/workqueue/" + no + "/accept").statusCode(404).body(containsString("未找到该诉求"));
        get(samr, "/workqueue/1234").statusCode(404);
        get(samr, "/workqueue").statusCode(200).body(not(containsString(no)));
        assertThat(status(no)).isEqualTo("DISPATCHED");

        get(cookieFor("leader-samr"), "/workqueue").statusCode(200).body(containsString("天河区市场监督管理局"));
        get(cookieFor("leader-samr"), "/workqueue/" + no).statusCode(404);
        get(cookieFor("dispatcher-demo"), "/workqueue").statusCode(403);
        get(cookieFor("enterprise-demo"), "/workqueue/" + no).statusCode(403);
        get(samr, "/dispatch").statusCode(403);
        given().redirects().follow(false).get("/workqueue").then().statusCode(401);
    }

    @Test
    void a_transfer_leaves_the_unit_and_lands_in_the_other_units_queue() {
        String no = submit(environmental("页面测试：废气排放"));
        String tax = cookieFor(newCommissioner(db, "ECO"));
        post(tax, "/workqueue/" + no + "/transfer", "toUnit", "EMG", "reason", "涉及安全生产，属应急管理职责").statusCode(303)
                .header("Location", endsWith("/workqueue?ok=transfer"));
        assertThat(db.string("SELECT handling_unit FROM appeal WHERE tracking_no = $1", no)).isEqualTo("EMG");
        get(cookieFor(newCommissioner(db, "EMG")), "/workqueue").statusCode(200)
                .body(containsString("href=\"/workqueue/" + no + "\""));
        get(tax, "/workqueue/" + no).statusCode(404);
    }

    /** The part of the queue page that is one list ({@code mine} or {@code pool}). */
    private static String list(String page, String id) {
        int start = page.indexOf("<table id=\"" + id + "\">");
        assertThat(start).as("the page has the list " + id).isNotNegative();
        return page.substring(start, page.indexOf("</table>", start));
    }

    @Test
    void an_open_appeal_nobody_holds_waits_in_the_units_pool_whatever_its_status() {
        String no = submit(environmental("页面测试：无人承办的在办诉求"));
        String first = cookieFor(newCommissioner(db, "ECO"));
        post(first, "/workqueue/" + no + "/accept").statusCode(303);
        post(first, "/workqueue/" + no + "/first-contact", "note", "已电话联系").statusCode(303);
        assertThat(status(no)).isEqualTo("HANDLING");
        // left without an assignee, as the demo history stores its appeals in handling
        db.execute("UPDATE appeal SET assignee = NULL, claim_expires_at = NULL WHERE tracking_no = $1", no);

        String other = newCommissioner(db, "ECO");
        assertThat(WorkQueues.walk(other)).contains(no);
        String page = get(cookieFor(other), "/workqueue").statusCode(200).extract().asString();
        assertThat(list(page, "pool")).contains("href=\"/workqueue/" + no + "\"").contains("办理");
        assertThat(list(page, "mine")).doesNotContain(no);
        // and anyone of the unit may take it up from there
        get(cookieFor(other), "/workqueue/" + no).statusCode(200)
                .body(containsString("action=\"/workqueue/" + no + "/reply\""));

        // once someone holds it again, it is theirs and leaves the pool
        db.execute("UPDATE appeal SET assignee = $2 WHERE tracking_no = $1", no, other);
        String after = get(cookieFor(other), "/workqueue").statusCode(200).extract().asString();
        assertThat(list(after, "mine")).contains("href=\"/workqueue/" + no + "\"");
        assertThat(list(after, "pool")).doesNotContain(no);
    }

    @Test
    void a_claim_whose_lease_has_lapsed_is_back_in_the_units_pool() {
        String no = submit(environmental("页面测试：认领已过期的诉求"));
        String holder = cookieFor(newCommissioner(db, "ECO"));
        post(holder, "/workqueue/" + no + "/claim").statusCode(303);
        // a page of each list that starts just before it: its order key (the handling deadline, or none) and the id before
        String from = "after=" + db.string("SELECT coalesce(to_char(handle_due_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), 'none') FROM appeal WHERE tracking_no = $1", no) + "," + (db.id(no) - 1);
        assertThat(list(get(holder, "/workqueue?list=mine&" + from).statusCode(200).extract().asString(), "mine")).contains(no);
        assertThat(list(get(holder, "/workqueue?list=pool&" + from).statusCode(200).extract().asString(), "pool")).doesNotContain(no);

        db.execute("UPDATE appeal SET claim_expires_at = now() - interval '1 minute' WHERE tracking_no = $1", no);
        String other = cookieFor(newCommissioner(db, "ECO"));
        assertThat(list(get(other, "/workqueue?list=pool&" + from).statusCode(200).extract().asString(), "pool"))
                .contains("href=\"/workqueue/" + no + "\"");
        assertThat(list(get(holder, "/workqueue?list=mine&" + from).statusCode(200).extract().asString(), "mine")).doesNotContain(no);
    }

    @Test
    void riskiest_first_an_appeals_risk_follows_it_from_the_pool_to_its_holder_and_back() {
        String no = submit(environmental("页面测试：风险随诉求的承办人"));
        long id = db.id(no);
        db.execute("""
                INSERT INTO appeal_risk (appeal_id, unit_code, miss_probability, handle_due_at, computed_at,
                    assignee, claim_expires_at)
                SELECT id, handling_unit, 0.913, coalesce(handle_due_at, now()), now(), assignee, claim_expires_at
                FROM appeal WHERE id = $1""", id);
        String row = "href=\"/workqueue/" + no + "\"";
        String from = "sort=risk&after=0.913," + (id - 1);
        String holder = cookieFor(newCommissioner(db, "ECO"));
        String other = cookieFor(newCommissioner(db, "ECO"));
        assertThat(list(get(other, "/workqueue?list=pool&" + from).statusCode(200).extract().asString(), "pool")).contains(row);

        post(holder, "/workqueue/" + no + "/claim").statusCode(303);
        assertThat(list(get(holder, "/workqueue?list=mine&" + from).statusCode(200).extract().asString(), "mine")).contains(row);
        assertThat(list(get(other, "/workqueue?list=pool&" + from).statusCode(200).extract().asString(), "pool"))
                .doesNotContain(row);

        db.execute("UPDATE appeal SET claim_expires_at = now() - interval '1 minute' WHERE id = $1", id);
        assertThat(list(get(other, "/workqueue?list=pool&" + from).statusCode(200).extract().asString(), "pool")).contains(row);
        assertThat(list(get(holder, "/workqueue?list=mine&" + from).statusCode(200).extract().asString(), "mine"))
                .doesNotContain(row);

        // the copy on the risk row says where the page looks (the risk job's next refresh mends a wrong one:
        // BreachRisksTest)
        db.tamper("UPDATE appeal_risk SET assignee = 'someone-else', claim_expires_at = NULL WHERE appeal_id = " + id);
        assertThat(list(get(other, "/workqueue?list=pool&" + from).statusCode(200).extract().asString(), "pool"))
                .doesNotContain(row);
        db.execute("DELETE FROM appeal_risk WHERE appeal_id = $1", id);
    }

    @Test
    void a_row_shows_its_marks_and_its_title_as_text_never_as_markup() {
        String no = submit(environmental("页面测试：带标记的一行"));
        String commissioner = newCommissioner(db, "ECO");
        String cookie = cookieFor(commissioner);
        post(cookie, "/workqueue/" + no + "/accept").statusCode(303);
        post(cookie, "/workqueue/" + no + "/first-contact", "note", "已电话联系").statusCode(303);
        // a title as the phone channel's operator might type it, and a row with every mark: urgent, supervised, late
        db.execute("UPDATE appeal SET title = $2, urgent = true, supervised = true, handle_due_at = now() - interval '1 hour'"
                + " WHERE tracking_no = $1", no, "<b>噪声</b> & \"夜间\" '施工'<script>alert(1)</script>");

        String mine = list(get(cookie, "/workqueue").statusCode(200).extract().asString(), "mine");
        int start = mine.indexOf("<tr class=\"overdue\" data-tracking-no=\"" + no + "\">");
        assertThat(start).as("the late appeal's row").isNotNegative();
        String row = mine.substring(start, mine.indexOf("</tr>", start));
        assertThat(row).contains("<a href=\"/workqueue/" + no + "\">" + no + "</a>")
                .contains("<td>&lt;b&gt;噪声&lt;/b&gt; &amp; &quot;夜间&quot; &#39;施工&#39;&lt;script&gt;alert(1)&lt;/script&gt;"
                        + " <span class=\"tag\">紧急</span></td>")
                .contains("<td>办理</td>").contains(" <span class=\"tag\">已超时</span></td>")
                .contains("<td><span class=\"tag\">督办</span></td>").doesNotContain("<script>", "<b>");

        // the other list of the same page is empty and says so
        String pool = list(get(cookieFor(newCommissioner(db, "ECO")), "/workqueue?list=pool&after=none," + Long.MAX_VALUE)
                .statusCode(200).extract().asString(), "pool");
        assertThat(pool).contains("后面没有更多了").doesNotContain("data-tracking-no");
    }

    // hostile form values: the same field rules as the API's bodies, in the page's words (422), nothing changes
    private String state(String no) {
        return db.string("SELECT status || '/' || event_count FROM appeal WHERE tracking_no = $1", no);
    }

    @Test
    void hostile_form_values_are_422_in_the_pages_words_and_change_nothing() {
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("页面测试：恶意表单"));
        String eco = cookieFor(newCommissioner(db, "ECO"));
        post(eco, "/workqueue/" + no + "/accept").statusCode(303);
        String before = state(no);
        String page = "/workqueue/" + no + "/";

        post(eco, page + "reply", "answer", "答".repeat(3_000)).statusCode(422).body(containsString("答复内容须为10至2000字"));
        post(eco, page + "reply", "answer", "x".repeat(10_000)).statusCode(422).body(containsString("答复内容须为10至2000字"));
        post(eco, page + "note", "note", "   ").statusCode(422).body(containsString("办理进展须为1至1000字"));
        post(eco, page + "first-contact", "note", "联系".repeat(251)).statusCode(422).body(containsString("联系情况须为1至500字"));
        post(eco, page + "transfer", "toUnit", "samr", "reason", "不属本单位职责").statusCode(422)
                .body(containsString("请选择转办单位")).body(not(containsString("转办理由须为")));
        post(eco, page + "extension", "clock", "HANDLE", "workingDays", "99999999999", "reason", "x").statusCode(422)
                .body(containsString("延期天数须为1至10个工作日")).body(containsString("延期理由须为2至500字"));

        assertThat(state(no)).isEqualTo(before).startsWith("ACCEPTED/");
        assertThat(db.count("SELECT count(*) FROM extension_request WHERE appeal_id = $1", db.id(no))).isZero();
    }

    // revealing a masked contact through the audited service, shown once
    private long reveals(String no) {
        return db.count("SELECT count(*) FROM personal_data_reveal WHERE appeal_id = $1", db.id(no));
    }

    @Test
    void a_reveal_through_the_page_shows_the_number_once_and_writes_the_audit_row() {
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("页面测试：查看联系电话"));
        String user = newCommissioner(db, "ECO");
        String cookie = cookieFor(user);
        get(cookie, "/workqueue/" + no).statusCode(200).body(containsString("action=\"/workqueue/" + no + "/reveal\""))
                .body(containsString("138****8000")).body(not(containsString("13800138000")));

        var revealed = post(cookie, "/workqueue/" + no + "/reveal", "field", "contactMobile", "purpose", "回访企业")
                .statusCode(200).header("Cache-Control", containsString("no-store")).header("Location", equalTo(null))
                .body(containsString("id=\"revealed\"")).body(containsString("13800138000"));
        assertThat(revealed.extract().cookies()).doesNotContainValue("13800138000");
        assertThat(db.string("SELECT revealed_to || '|' || field || '|' || purpose FROM personal_data_reveal WHERE appeal_id = $1",
                db.id(no))).isEqualTo("commissioner:" + user + "|contactMobile|回访企业");
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'PERSONAL_DATA_REVEALED'"
                + " AND visibility = 'INTERNAL'", db.id(no))).isEqualTo(1);

        // the next view of the page is masked again
        get(cookie, "/workqueue/" + no).statusCode(200).body(not(containsString("13800138000")));

        // a purpose in the caller's own words wins over the list
        post(cookie, "/workqueue/" + no + "/reveal", "field", "contactName", "purpose", "", "purposeOther", "核对企业联系人身份")
                .statusCode(200).body(containsString("张三"));
        assertThat(db.string("SELECT purpose FROM personal_data_reveal WHERE appeal_id = $1 AND field = 'contactName'", db.id(no)))
                .isEqualTo("核对企业联系人身份");
    }

    @Test
    void a_reveal_without_purpose_or_field_is_422_in_chinese_and_records_nothing() {
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("页面测试：查看联系电话"));
        String cookie = cookieFor(newCommissioner(db, "ECO"));
        post(cookie, "/workqueue/" + no + "/reveal", "field", "contactMobile").statusCode(422)
                .body(containsString("请选择查看用途")).body(not(containsString("13800138000")));
        post(cookie, "/workqueue/" + no + "/reveal", "field", "uscc", "purpose", "回访企业").statusCode(422)
                .body(containsString("请选择要查看的联系方式"));
        post(cookie, "/workqueue/" + no + "/reveal", "field", "contactMobile", "purpose", "", "purposeOther", "看").statusCode(422)
                .body(containsString("查看用途须为2至200字"));
        assertThat(reveals(no)).isZero();

        // another unit's commissioner does not see the appeal at all
        post(cookieFor("commissioner-samr"), "/workqueue/" + no + "/reveal", "field", "contactMobile", "purpose", "回访企业")
                .statusCode(404).body(containsString("未找到该诉求")).body(not(containsString("13800138000")));
        assertThat(reveals(no)).isZero();
    }

    // a unit leader decides their own unit's extension requests on the work-queue page
    private String leaderOf(String unit) {
        String name = "pages-leader-" + unit.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("INSERT INTO staff_member (username, display_name, role, unit_code, on_duty) VALUES ($1, $2, 'unit-leader', $3, false)",
                name, "领导 " + name, unit);
        return name;
    }

    /** An ECO appeal accepted by a commissioner who then asks for three more working days; returns the request's id. */
    private long requested(String no) {
        String commissioner = cookieFor(newCommissioner(db, "ECO"));
        post(commissioner, "/workqueue/" + no + "/accept").statusCode(303);
        post(commissioner, "/workqueue/" + no + "/extension", "clock", "HANDLE", "workingDays", "3", "reason", "需要现场核查")
                .statusCode(303);
        return db.count("SELECT r.id FROM extension_request r JOIN appeal a ON a.id = r.appeal_id WHERE a.tracking_no = $1", no);
    }

    private String decision(long request) {
        return db.string("SELECT coalesce(approved::text, 'open') || '|' || coalesce(decided_by, '') FROM extension_request WHERE id = $1",
                request);
    }

    @Test
    void the_leader_sees_the_units_request_and_approves_it_once() {
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("页面测试：延期审批"));
        long request = requested(no);
        String leaderName = leaderOf("ECO");
        String leader = cookieFor(leaderName);

        get(leader, "/workqueue").statusCode(200).body(containsString("本单位延期申请"))
                .body(containsString("action=\"/workqueue/extensions/" + request + "/approve\""))
                .body(containsString("action=\"/workqueue/extensions/" + request + "/refuse\""));
        post(leader, "/workqueue/extensions/" + request + "/approve", "note", "同意延期").statusCode(303)
                .header("Location", endsWith("/workqueue?ok=approve"));
        assertThat(decision(request)).isEqualTo("true|unit-leader:" + leaderName);
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND type = 'EXTENDED'", db.id(no))).isEqualTo(1);
        get(leader, "/workqueue?ok=approve").statusCode(200).body(containsString("已批准延期"))
                .body(not(containsString("/workqueue/extensions/" + request + "/")));

        // decided once: a second decision finds no open request
        post(leader, "/workqueue/extensions/" + request + "/refuse").statusCode(404);
        assertThat(decision(request)).isEqualTo("true|unit-leader:" + leaderName);
    }

    @Test
    void a_refusal_with_a_note_is_recorded_and_bad_input_changes_nothing() {
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("页面测试：延期审批"));
        long request = requested(no);
        String leader = cookieFor(leaderOf("ECO"));

        post(leader, "/workqueue/extensions/" + request + "/refuse", "note", "x".repeat(501)).statusCode(422)
                .body(containsString("审批意见须为1至500字"));
        post(leader, "/workqueue/extensions/" + request + "/maybe").statusCode(404);
        assertThat(decision(request)).isEqualTo("open|");

        post(leader, "/workqueue/extensions/" + request + "/refuse", "note", "请按期办结").statusCode(303)
                .header("Location", endsWith("/workqueue?ok=refuse"));
        assertThat(decision(request)).startsWith("false|");
        assertThat(db.string("SELECT reason FROM appeal_event WHERE appeal_id = $1 AND type = 'EXTENSION_REFUSED'", db.id(no)))
                .isEqualTo("请按期办结");
    }

    @Test
    void another_units_leader_and_a_commissioner_cannot_decide() {
        String no = WorkQueuePagesTest.submit(WorkQueuePagesTest.environmental("页面测试：延期审批"));
        long request = requested(no);

        String samrLeader = cookieFor(leaderOf("SAMR"));
        get(samrLeader, "/workqueue").statusCode(200).body(not(containsString("/workqueue/extensions/" + request + "/")));
        post(samrLeader, "/workqueue/extensions/" + request + "/approve").statusCode(404);

        String commissioner = cookieFor(newCommissioner(db, "ECO"));
        get(commissioner, "/workqueue").statusCode(200).body(not(containsString("本单位延期申请")));
        post(commissioner, "/workqueue/extensions/" + request + "/approve").statusCode(403);
        assertThat(decision(request)).isEqualTo("open|");
    }
}
