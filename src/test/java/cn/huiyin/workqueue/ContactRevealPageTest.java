package cn.huiyin.workqueue;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static cn.huiyin.testsupport.StaffPages.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/** The commissioner's appeal page reveals a masked contact through the audited service, shown once. */
@QuarkusTest
class ContactRevealPageTest {

    @Inject
    Database db;

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
}
