package cn.huiyin.shared.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.security.Roles;

/**
 * Demo mode only: the demo users a browser may sign in as, grouped by role for the sign-in page (the commissioners,
 * one per unit, together). Empty outside demo mode.
 */
@ApplicationScoped
public class DemoDirectory {

    /** A demo user as the sign-in page lists them; {@code unit} is the unit code, or null. */
    public record Entry(String username, String displayName, String unit) {
    }

    /** The users of one role; {@code role} is the role as in the token. */
    public record Group(String role, List<Entry> users) {
    }

    /** The order of the groups on the page: the staff roles first, the enterprise last. */
    private static final List<String> ORDER = List.of(Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISPATCHER,
            Roles.AGENT, Roles.DISTRICT_LEADER, Roles.ADMIN, Roles.SECURITY_ADMIN, Roles.AUDITOR, Roles.ENTERPRISE);

    @Inject
    DemoConfig config;

    @Inject
    DemoSeeder seeder;

    private volatile List<Group> groups;

    public boolean enabled() {
        return config.enabled();
    }

    public List<Group> groups() {
        if (!config.enabled()) {
            return List.of();
        }
        List<Group> known = groups;
        if (known == null) {
            known = group(seeder.users());
            groups = known;
        }
        return known;
    }

    static List<Group> group(List<DemoSeeder.DemoUser> users) {
        Map<String, List<Entry>> byRole = users.stream().collect(Collectors.groupingBy(DemoSeeder.DemoUser::role,
                Collectors.mapping(u -> new Entry(u.username(), u.displayName(), u.unit()), Collectors.toList())));
        List<Group> groups = new ArrayList<>();
        for (String role : ORDER) {
            List<Entry> entries = byRole.get(role);
            if (entries != null) {
                groups.add(new Group(role, List.copyOf(entries)));
            }
        }
        return List.copyOf(groups);
    }
}
