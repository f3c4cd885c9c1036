package cn.huiyin.workqueue;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static cn.huiyin.testsupport.StaffPages.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dispatcher's desk page: placing what routing left, arbitrating a return, merging, deciding extensions; and its
 * forms refused in the desk's own words when a field breaks the API's rule.
 */
@QuarkusTest
class DispatchDeskPageTest {

    @Inject
    Database db;

    /** Marks this test's appeals, whose placements become training examples: they are removed afterwards. */
    private static final String MARK = "派单台页面测试";

    @Inject
    RoutingSuggestions routing;

    /** A text the classifier cannot place with confidence, so it waits for the dispatcher. */
    private static String vague() {
        Map<String, Object> body = Appeals.with("category", null);
        body.put("title", MARK + "：不知道找哪个部门");
        body.put("description", "我们公司碰到一个情况，不确定应该向哪个部门反映，麻烦帮忙转给合适的部门，谢谢。");
        return WorkQueuePagesTest.submit(body);
    }

    /** What a dispatcher places here must not teach routing to place other tests' vague texts. */
    @AfterEach
    void forgetThePlacements() {
        db.execute("DELETE FROM routing_example WHERE source = 'CORRECTION' AND text LIKE $1", MARK + "%");
        routing.examplesChanged();
    }

    private String placement(String no) {
        return db.string("SELECT status || '/' || coalesce(handling_unit, '-') FROM appeal WHERE tracking_no = $1", no);
    }

    @Test
    void an_unplaced_appeal_is_listed_with_suggestions_and_dispatched_from_the_page() {
        String no = vague();
        String dispatcher = cookieFor("dispatcher-demo");
        get(dispatcher, "/dispatch").statusCode(200).body(containsString("待派单与退单"))
                .body(containsString("action=\"/dispatch/" + no + "/dispatch\"")).body(containsString("建议："))
                .body(containsString("action=\"/dispatch/" + no + "/merge\""));

        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "OTHER").statusCode(422)
                .body(containsString("该分类需由派单员指定承办单位"));
        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "").statusCode(422).body(containsString("请选择诉求分类"));
        assertThat(placement(no)).isEqualTo("RECEIVED/-");

        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "BIZ_REG").statusCode(303)
                .header("Location", endsWith("/dispatch?ok=dispatch"));
        assertThat(placement(no)).isEqualTo("DISPATCHED/SAMR");
        get(dispatcher, "/dispatch?ok=dispatch").statusCode(200).body(containsString("已派单"))
                .body(not(containsString("action=\"/dispatch/" + no + "/dispatch\"")));
    }

    @Test
    void a_returned_appeal_shows_the_unit_and_reason_and_a_refusal_sends_it_back() {
        String no = vague();
        String dispatcher = cookieFor("dispatcher-demo");
        post(dispatcher, "/dispatch/" + no + "/dispatch", "category", "BIZ_REG").statusCode(303);
        post(cookieFor("commissioner-samr"), "/workqueue/" + no + "/return", "reason", "不属于本局职责范围").statusCode(303)
                .header("Location", endsWith("/workqueue?ok=return"));
        assertThat(placement(no)).isEqualTo("RETURNED/SAMR");

        get(dispatcher, "/dispatch").statusCode(200).body(containsString("不属于本局职责范围"))
                .body(containsString("天河区市场监督管理局"));
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
