package cn.huiyin.shared.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.web.RevealAuditPage;
import cn.huiyin.channel.phone.web.AgentDeskPage;
import cn.huiyin.evaluation.web.RatingContestPage;
import cn.huiyin.evaluation.web.ReturnVisitPage;
import cn.huiyin.knowledge.web.KnowledgePages;
import cn.huiyin.metrics.web.LeaderDashboardPage;
import cn.huiyin.metrics.web.RankingResource;
import cn.huiyin.notify.staff.web.NoticesPage;
import cn.huiyin.routing.web.CatalogueAdminPage;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.sla.web.SlaPage;
import cn.huiyin.supervision.web.SupervisionDeskPage;
import cn.huiyin.supervision.web.SupervisionOrdersPage;
import cn.huiyin.workqueue.web.DispatchDeskPage;
import cn.huiyin.workqueue.web.DutyRosterPage;
import cn.huiyin.channel.web.EnterpriseAppealsPage;
import cn.huiyin.workqueue.web.KeyCommissionersPage;
import cn.huiyin.workqueue.web.WorkQueuePages;

/** The header's table of pages says what the page resources allow, and each role sees exactly its pages. */
class StaffNavigationTest {

    private static final Map<String, Class<?>> STAFF_PAGES = Map.ofEntries(
            Map.entry("/appeals/mine", EnterpriseAppealsPage.class),
            Map.entry("/workqueue", WorkQueuePages.class),
            Map.entry("/dispatch", DispatchDeskPage.class),
            Map.entry("/supervision/orders", SupervisionOrdersPage.class),
            Map.entry("/supervision", SupervisionDeskPage.class),
            Map.entry("/notices", NoticesPage.class),
            Map.entry("/desk/phone", AgentDeskPage.class),
            Map.entry("/evaluation/visits", ReturnVisitPage.class),
            Map.entry("/evaluation/contests", RatingContestPage.class),
            Map.entry("/leader/metrics", LeaderDashboardPage.class),
            Map.entry("/knowledge", KnowledgePages.class),
            Map.entry("/admin/reveals", RevealAuditPage.class),
            Map.entry("/admin/catalogue", CatalogueAdminPage.class),
            Map.entry("/admin/staff", DutyRosterPage.class),
            Map.entry("/admin/key-enterprises", KeyCommissionersPage.class));

    private static StaffNavigation.Page page(String path) {
        return StaffNavigation.PAGES.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void every_staff_page_lists_the_roles_its_resource_allows() {
        STAFF_PAGES.forEach((path, resource) -> {
            assertThat(resource.getAnnotation(Path.class).value()).isEqualTo(path);
            RolesAllowed allowed = resource.getAnnotation(RolesAllowed.class);
            assertThat(allowed).as(path).isNotNull();
            assertThat(page(path).roles()).as(path).containsExactlyInAnyOrder(allowed.value());
        });
    }

    @Test
    void the_public_pages_are_open_to_every_role_and_their_resources_to_everyone() throws Exception {
        assertThat(page("/sla").roles()).isSameAs(StaffNavigation.EVERYONE);
        assertThat(page("/ranking").roles()).isSameAs(StaffNavigation.EVERYONE);
        assertThat(SlaPage.class.getAnnotation(RolesAllowed.class)).isNull();
        assertThat(RankingResource.class.getMethod("page", String.class).getAnnotation(PermitAll.class)).isNotNull();
        // every page of the table is either one of the staff pages above or public
        assertThat(StaffNavigation.PAGES).allMatch(p -> STAFF_PAGES.containsKey(p.path()) || p.roles() == StaffNavigation.EVERYONE);
    }

    @Test
    void each_role_gets_exactly_its_pages() {
        assertThat(paths(Roles.COMMISSIONER)).containsExactly("/workqueue", "/evaluation/contests", "/knowledge", "/notices", "/ranking", "/sla");
        assertThat(paths(Roles.UNIT_LEADER)).containsExactly("/workqueue", "/supervision/orders", "/evaluation/contests", "/leader/metrics", "/knowledge", "/notices", "/ranking", "/sla");
        assertThat(paths(Roles.DISPATCHER)).containsExactly("/dispatch", "/supervision", "/evaluation/visits", "/evaluation/contests",
                "/notices", "/ranking", "/sla");
        assertThat(paths(Roles.AGENT)).containsExactly("/desk/phone", "/notices", "/ranking", "/sla");
        assertThat(paths(Roles.DISTRICT_LEADER)).containsExactly("/supervision", "/evaluation/contests", "/leader/metrics", "/knowledge", "/admin/reveals", "/notices", "/ranking", "/sla");
        assertThat(paths(Roles.ADMIN)).containsExactly("/leader/metrics", "/knowledge", "/admin/catalogue", "/admin/staff",
                "/admin/key-enterprises", "/notices", "/ranking", "/sla");
        // the separated duties: the auditor reads the reveal log; the security administrator's work is by API
        assertThat(paths(Roles.AUDITOR)).containsExactly("/admin/reveals", "/ranking", "/sla");
        assertThat(paths(Roles.SECURITY_ADMIN)).containsExactly("/ranking", "/sla");
        assertThat(paths(Roles.ENTERPRISE)).containsExactly("/appeals/new", "/appeals/lookup", "/policies", "/appeals/mine", "/ranking", "/sla");
        assertThat(paths(null)).containsExactly("/appeals/new", "/appeals/lookup", "/policies");
    }

    @Test
    void roles_are_named_in_chinese() {
        Map<String, String> expected = Map.of(Roles.COMMISSIONER, "服务专员", Roles.UNIT_LEADER, "单位领导",
                Roles.DISPATCHER, "派单员", Roles.AGENT, "话务员", Roles.DISTRICT_LEADER, "区领导", Roles.ADMIN, "管理员",
                Roles.ENTERPRISE, "企业", Roles.SECURITY_ADMIN, "安全管理员", Roles.AUDITOR, "安全审计员");
        expected.forEach((role, name) -> assertThat(StaffNavigation.roleName(role)).isEqualTo(name));
        assertThat(StaffNavigation.roleName("observer")).isEqualTo("observer");
    }

    @Test
    void a_path_belongs_to_its_page_and_only_to_it() {
        assertThat(StaffNavigation.pageOf("/workqueue/2611250000510").path()).isEqualTo("/workqueue");
        assertThat(StaffNavigation.pageOf("/leader/metrics?from=2026-04-01").path()).isEqualTo("/leader/metrics");
        assertThat(StaffNavigation.pageOf("/workqueueX")).isNull();
        assertThat(StaffNavigation.pageOf("/")).isNull();
        assertThat(StaffNavigation.pageOf("/appeals/mine/2611250000510").path()).isEqualTo("/appeals/mine");
        assertThat(StaffNavigation.pageOf("/appeals/new")).isNull();
        assertThat(StaffNavigation.pageOf("/supervision/orders").path()).isEqualTo("/supervision/orders");
        assertThat(StaffNavigation.pageOf("/supervision?after=12").path()).isEqualTo("/supervision");
    }

    private static List<String> paths(String role) {
        return StaffNavigation.linksFor(role).stream().map(StaffNavigation.Page::path).toList();
    }
}
