package cn.huiyin.workqueue;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static cn.huiyin.testsupport.StaffPages.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/** A unit leader decides their own unit's extension requests (延期申请) on the work-queue page. */
@QuarkusTest
class ExtensionDecisionsPageTest {

    @Inject
    Database db;

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
