package cn.huiyin.shared.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.huiyin.shared.security.Roles;

/**
 * The one table of which page each role may open, as the header links to them. A staff page's roles here are the
 * roles its resource allows ({@code @RolesAllowed}); a test keeps the two the same.
 */
public final class StaffNavigation {

    /** A page in the header: where it is, what it is called, who may open it ({@link #EVERYONE} for public pages). */
    public record Page(String path, String label, Set<String> roles) {

        boolean openTo(String role) {
            return roles == EVERYONE || roles.contains(role);
        }
    }

    /** Marks a public page: every signed-in role sees its link. */
    static final Set<String> EVERYONE = Set.of();

    /** The staff pages and the public ones staff use, in header order. */
    static final List<Page> PAGES = List.of(
            new Page("/appeals/mine", "我的诉求", Set.of(Roles.ENTERPRISE)),
            new Page("/workqueue", "工作台", Set.of(Roles.COMMISSIONER, Roles.UNIT_LEADER)),
            new Page("/dispatch", "派单台", Set.of(Roles.DISPATCHER)),
            // a unit's orders before the desk: a path belongs to the first page it starts with
            new Page("/supervision/orders", "督办单", Set.of(Roles.UNIT_LEADER)),
            new Page("/supervision", "督办台", Set.of(Roles.DISPATCHER, Roles.DISTRICT_LEADER)),
            new Page("/desk/phone", "话务坐席", Set.of(Roles.AGENT)),
            new Page("/evaluation/visits", "回访", Set.of(Roles.DISPATCHER)),
            new Page("/evaluation/contests", "申诉复核",
                    Set.of(Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISPATCHER, Roles.DISTRICT_LEADER)),
            new Page("/leader/metrics", "运行指标", Set.of(Roles.DISTRICT_LEADER, Roles.UNIT_LEADER, Roles.ADMIN)),
            new Page("/knowledge", "知识库", Set.of(Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISTRICT_LEADER,
                    Roles.ADMIN)),
            new Page("/admin/reveals", "查看记录", Set.of(Roles.DISTRICT_LEADER, Roles.AUDITOR)),
            new Page("/admin/catalogue", "派单目录", Set.of(Roles.ADMIN)),
            new Page("/admin/staff", "值班安排", Set.of(Roles.ADMIN)),
            new Page("/admin/key-enterprises", "重点企业专员", Set.of(Roles.ADMIN)),
            new Page("/notices", "通知", Set.of(Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISPATCHER,
                    Roles.DISTRICT_LEADER, Roles.AGENT, Roles.ADMIN)),
            new Page("/ranking", "榜单", EVERYONE),
            new Page("/sla", "服务时限", EVERYONE));

    /** What an appellant uses; the header of a visitor who is not signed in shows only these. */
    static final List<Page> APPELLANT_PAGES = List.of(
            new Page("/appeals/new", "提交诉求", EVERYONE),
            new Page("/appeals/lookup", "查询进度", EVERYONE),
            new Page("/policies", "政策专窗", EVERYONE));

    private static final Map<String, String> ROLE_NAMES = Map.of(
            Roles.ENTERPRISE, "企业",
            Roles.AGENT, "话务员",
            Roles.COMMISSIONER, "服务专员",
            Roles.DISPATCHER, "派单员",
            Roles.UNIT_LEADER, "单位领导",
            Roles.DISTRICT_LEADER, "区领导",
            Roles.ADMIN, "管理员",
            Roles.SECURITY_ADMIN, "安全管理员",
            Roles.AUDITOR, "安全审计员");

    private StaffNavigation() {
    }

    /** The links of a caller's header: an appellant's for a visitor or an enterprise, else the role's pages. */
    public static List<Page> linksFor(String role) {
        if (role == null) {
            return APPELLANT_PAGES;
        }
        List<Page> pages = PAGES.stream().filter(page -> page.openTo(role)).toList();
        if (Roles.ENTERPRISE.equals(role)) {
            return Stream.concat(APPELLANT_PAGES.stream(), pages.stream()).toList();
        }
        return pages;
    }

    /** The role in Chinese; a role the table does not know is shown as it is. */
    public static String roleName(String role) {
        return role == null ? "" : ROLE_NAMES.getOrDefault(role, role);
    }

    /** The page a path belongs to, if it is one of the staff pages (for the sign-in and refusal pages). */
    static Page pageOf(String path) {
        return PAGES.stream().filter(page -> path.equals(page.path()) || path.startsWith(page.path() + "/")
                || path.startsWith(page.path() + "?")).findFirst().orElse(null);
    }
}
