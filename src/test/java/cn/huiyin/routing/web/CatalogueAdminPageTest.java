package cn.huiyin.routing.web;

import static cn.huiyin.testsupport.StaffPages.cookieFor;
import static cn.huiyin.testsupport.StaffPages.get;
import static cn.huiyin.testsupport.StaffPages.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The administrator's catalogue page: lines in force, a line's history, and versions added through the form. The
 * lines it adds have no keywords: keywords teach the classifier, which would then place other tests' texts there.
 */
@QuarkusTest
class CatalogueAdminPageTest {

    @Inject
    Database db;

    private static String newCategory() {
        return "PG_" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
    }

    private long versions() {
        return db.count("SELECT count(*) FROM catalogue_version");
    }

    @Test
    void a_line_added_on_the_page_is_in_force_with_its_history_and_a_change_dated_ahead_waits() {
        String category = newCategory();
        String admin = cookieFor("admin");
        get(admin, "/admin/catalogue").statusCode(200).body(containsString("现行目录")).body(containsString("action=\"/admin/catalogue\""))
                .body(containsString("属地街道"));

        post(admin, "/admin/catalogue", "category", category, "name", "页面新增分类", "unitRule", "COM", "urgentHours", "24",
                "keywords", "", "effectiveFrom", "", "reason", "页面测试新增").statusCode(303)
                .header("Location", endsWith("/admin/catalogue/" + category + "?ok=saved"));
        assertThat(db.string("SELECT unit_rule || '|' || urgent_hours FROM dispatch_category WHERE code = $1", category))
                .isEqualTo("COM|24");
        assertThat(db.string("SELECT changed_by FROM catalogue_version WHERE category = $1", category)).isEqualTo("admin:admin");

        String ahead = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withSecond(0).withNano(0).toString();
        post(admin, "/admin/catalogue", "category", category, "name", "页面新增分类", "unitRule", "FIN", "urgentHours", "",
                "keywords", "", "effectiveFrom", ahead, "reason", "改由金融部门承办").statusCode(303)
                .header("Location", endsWith("?ok=scheduled"));
        assertThat(db.string("SELECT unit_rule FROM dispatch_category WHERE code = $1", category)).isEqualTo("COM");

        get(admin, "/admin/catalogue/" + category + "?ok=scheduled").statusCode(200).body(containsString("新版本将于生效时间自动生效"))
                .body(containsString("页面测试新增")).body(containsString("改由金融部门承办")).body(containsString("（待生效）"))
                .body(containsString(ahead.replace('T', ' ')));
    }

    @Test
    void a_bad_line_is_422_in_chinese_keeps_what_was_typed_and_adds_no_version() {
        String category = newCategory();
        String admin = cookieFor("admin");
        long before = versions();
        post(admin, "/admin/catalogue", "category", category, "name", "页面坏分类", "unitRule", "NOWHERE", "reason", "原因")
                .statusCode(422).body(containsString("承办规则须为承办单位编码")).body(containsString("页面坏分类"));
        post(admin, "/admin/catalogue", "category", category, "name", "页面坏分类", "unitRule", "COM", "urgentHours", "很急",
                "reason", "原因").statusCode(422).body(containsString("紧急时限须为1至72的整数"));
        post(admin, "/admin/catalogue", "category", category, "name", "页面坏分类", "unitRule", "COM", "effectiveFrom", "2025-01-01T00:00",
                "reason", "倒签").statusCode(422).body(containsString("生效时间不能早于当前时间"));
        post(admin, "/admin/catalogue", "category", category, "name", "页面坏分类", "unitRule", "COM", "effectiveFrom",
                "+300000-01-01T00:00", "reason", "远期").statusCode(422).body(containsString("生效时间格式不正确"));
        post(admin, "/admin/catalogue", "category", "bad code", "name", "页面坏分类", "unitRule", "COM", "reason", "")
                .statusCode(422).body(containsString("须填写1至500字的变更原因")).body(not(containsString("Exception")));
        assertThat(versions()).isEqualTo(before);

        get(cookieFor("dispatcher-demo"), "/admin/catalogue").statusCode(403);
        post(cookieFor("dispatcher-demo"), "/admin/catalogue", "category", category, "name", "越权", "unitRule", "COM", "reason", "越权")
                .statusCode(403);
        given().redirects().follow(false).get("/admin/catalogue").then().statusCode(401);
        assertThat(versions()).isEqualTo(before);
    }
}
