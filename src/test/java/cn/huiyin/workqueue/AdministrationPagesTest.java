package cn.huiyin.workqueue;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.newCommissioner;
import static cn.huiyin.testsupport.StaffPages.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.Usccs;
import io.quarkus.test.junit.QuarkusTest;

/** The administrator's pages for what assignment reads: the duty roster and key enterprises' commissioners. */
@QuarkusTest
class AdministrationPagesTest {

    @Inject
    Database db;

    private String onDuty(String username) {
        return db.string("SELECT on_duty::text FROM staff_member WHERE username = $1", username);
    }

    @Test
    void the_roster_lists_a_units_staff_and_puts_one_on_and_off_duty() {
        String member = newCommissioner(db, "ECO");
        String admin = cookieFor("admin");
        get(admin, "/admin/staff").statusCode(200).body(containsString("值班安排")).body(containsString("请选择单位"));
        get(admin, "/admin/staff?unit=ECO").statusCode(200).body(containsString("data-username=\"" + member + "\""))
                .body(containsString("action=\"/admin/staff/" + member + "/duty\"")).body(containsString("设为在岗"));

        try {
            post(admin, "/admin/staff/" + member + "/duty", "onDuty", "true", "unit", "ECO").statusCode(303)
                    .header("Location", endsWith("/admin/staff?unit=ECO&ok=on"));
            assertThat(onDuty(member)).isEqualTo("true");
            get(admin, "/admin/staff?unit=ECO&ok=on").statusCode(200).body(containsString("已设为在岗"));
            post(admin, "/admin/staff/" + member + "/duty", "onDuty", "false", "unit", "ECO").statusCode(303)
                    .header("Location", endsWith("ok=off"));
            assertThat(onDuty(member)).isEqualTo("false");
        } finally {
            // an on-duty commissioner would take other tests' appeals
            db.execute("UPDATE staff_member SET on_duty = false WHERE username = $1", member);
        }

        post(admin, "/admin/staff/" + member + "/duty", "onDuty", "maybe", "unit", "ECO").statusCode(422)
                .body(containsString("请选择在岗或离岗"));
        post(admin, "/admin/staff/nobody-here/duty", "onDuty", "true", "unit", "ECO").statusCode(404)
                .body(containsString("未找到该工作人员"));
        get(admin, "/admin/staff?unit=NOPE").statusCode(422).body(containsString("请选择有效的单位"));
        assertThat(onDuty(member)).isEqualTo("false");

        post(cookieFor("leader-samr"), "/admin/staff/" + member + "/duty", "onDuty", "true").statusCode(403);
        get(cookieFor("commissioner-tax"), "/admin/staff").statusCode(403);
        given().redirects().follow(false).get("/admin/staff").then().statusCode(401);
        assertThat(onDuty(member)).isEqualTo("false");
    }

    @Test
    void an_administrator_names_a_key_enterprises_commissioner_and_backup_on_the_page() {
        String named = newCommissioner(db, "ECO");
        String backup = newCommissioner(db, "ECO");
        String elsewhere = newCommissioner(db, "EMG");
        String uscc = Usccs.random();
        db.execute("INSERT INTO enterprise (uscc, name, key_enterprise) VALUES ($1, '页面测试重点企业', true)", uscc);
        String plain = Usccs.random();
        db.execute("INSERT INTO enterprise (uscc, name, key_enterprise) VALUES ($1, '页面测试普通企业', false)", plain);
        String admin = cookieFor("admin");

        get(admin, "/admin/key-enterprises?uscc=" + uscc).statusCode(303).header("Location", endsWith("/admin/key-enterprises/" + uscc));
        get(admin, "/admin/key-enterprises/" + uscc).statusCode(200).body(containsString("页面测试重点企业"))
                .body(containsString("尚未指定服务专员")).body(containsString("action=\"/admin/key-enterprises/" + uscc + "\""));

        post(admin, "/admin/key-enterprises/" + uscc, "unit", "ECO", "commissioner", named, "backup", elsewhere).statusCode(422)
                .body(containsString("备岗专员须为所选单位的服务专员")).body(containsString(elsewhere));
        post(admin, "/admin/key-enterprises/" + uscc, "unit", "", "commissioner", named).statusCode(422)
                .body(containsString("请选择单位"));
        post(admin, "/admin/key-enterprises/" + plain, "unit", "ECO", "commissioner", named).statusCode(404)
                .body(containsString("未找到该重点企业"));
        assertThat(db.count("SELECT count(*) FROM key_enterprise_commissioner WHERE uscc IN ($1, $2)", uscc, plain)).isZero();

        post(admin, "/admin/key-enterprises/" + uscc, "unit", "ECO", "commissioner", named, "backup", backup).statusCode(303)
                .header("Location", endsWith("/admin/key-enterprises/" + uscc + "?ok=named"));
        assertThat(db.string("SELECT commissioner || '|' || backup FROM key_enterprise_commissioner WHERE uscc = $1 AND unit_code = 'ECO'",
                uscc)).isEqualTo(named + "|" + backup);
        get(admin, "/admin/key-enterprises/" + uscc + "?ok=named").statusCode(200).body(containsString("已保存重点企业服务专员"))
                .body(containsString(named)).body(containsString(backup));

        get(admin, "/admin/key-enterprises?uscc=123").statusCode(422).body(containsString("统一社会信用代码须为18位有效代码"));
        get(cookieFor("dispatcher-demo"), "/admin/key-enterprises/" + uscc).statusCode(403);
        post(cookieFor("leader-samr"), "/admin/key-enterprises/" + uscc, "unit", "ECO", "commissioner", backup).statusCode(403);
        assertThat(db.string("SELECT commissioner FROM key_enterprise_commissioner WHERE uscc = $1", uscc)).isEqualTo(named);
    }
}
