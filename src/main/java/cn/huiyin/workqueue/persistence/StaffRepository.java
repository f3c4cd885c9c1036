package cn.huiyin.workqueue.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Who is on duty, and which commissioners a key enterprise has in each unit: what assignment reads. */
@ApplicationScoped
public class StaffRepository {

    public record StaffMember(String username, String displayName, String role, String unitCode, boolean onDuty) {
    }

    public record KeyCommissioner(String uscc, String unitCode, String commissioner, String backup) {
    }

    @Inject
    Pool pool;

    public Uni<Optional<StaffMember>> find(String username) {
        return pool.preparedQuery("SELECT username, display_name, role, unit_code, on_duty FROM staff_member WHERE username = $1")
                .execute(Tuple.of(username))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(member(rows.iterator().next())));
    }

    public Uni<StaffMember> setOnDuty(String username, boolean onDuty) {
        return pool.preparedQuery("UPDATE staff_member SET on_duty = $2 WHERE username = $1 "
                + "RETURNING username, display_name, role, unit_code, on_duty")
                .execute(Tuple.of(username, onDuty)).map(rows -> member(rows.iterator().next()));
    }

    public Uni<Boolean> isKeyEnterprise(String uscc) {
        return pool.preparedQuery("SELECT key_enterprise FROM enterprise WHERE uscc = $1").execute(Tuple.of(uscc))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("key_enterprise"));
    }

    public Uni<KeyCommissioner> name(KeyCommissioner named) {
        return pool.preparedQuery("""
                INSERT INTO key_enterprise_commissioner (uscc, unit_code, commissioner, backup) VALUES ($1, $2, $3, $4)
                ON CONFLICT (uscc, unit_code) DO UPDATE SET commissioner = EXCLUDED.commissioner, backup = EXCLUDED.backup""")
                .execute(Tuple.tuple(Arrays.asList(named.uscc(), named.unitCode(), named.commissioner(), named.backup())))
                .replaceWith(named);
    }

    public Uni<List<KeyCommissioner>> commissionersOf(String uscc) {
        return pool.preparedQuery("SELECT uscc, unit_code, commissioner, backup FROM key_enterprise_commissioner "
                + "WHERE uscc = $1 ORDER BY unit_code").execute(Tuple.of(uscc))
                .map(rows -> {
                    List<KeyCommissioner> named = new ArrayList<>();
                    for (Row r : rows) {
                        named.add(new KeyCommissioner(r.getString("uscc"), r.getString("unit_code"), r.getString("commissioner"),
                                r.getString("backup")));
                    }
                    return named;
                });
    }

    /** A unit's staff, by role then username, at most {@code limit}: the duty roster page. */
    public Uni<List<StaffMember>> ofUnit(String unitCode, int limit) {
        return pool.preparedQuery("SELECT username, display_name, role, unit_code, on_duty FROM staff_member WHERE unit_code = $1 "
                + "ORDER BY role, username LIMIT $2").execute(Tuple.of(unitCode, limit))
                .map(rows -> {
                    List<StaffMember> members = new ArrayList<>();
                    rows.forEach(r -> members.add(member(r)));
                    return members;
                });
    }

    public record KeyEnterprise(String uscc, String name) {
    }

    /** The enterprises registered as key (重点企业), by name, at most {@code limit}. */
    public Uni<List<KeyEnterprise>> keyEnterprises(int limit) {
        return pool.preparedQuery("SELECT uscc, name FROM enterprise WHERE key_enterprise ORDER BY name, uscc LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<KeyEnterprise> found = new ArrayList<>();
                    rows.forEach(r -> found.add(new KeyEnterprise(r.getString("uscc"), r.getString("name"))));
                    return found;
                });
    }

    public Uni<Optional<KeyEnterprise>> keyEnterprise(String uscc) {
        return pool.preparedQuery("SELECT uscc, name FROM enterprise WHERE uscc = $1 AND key_enterprise").execute(Tuple.of(uscc))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new KeyEnterprise(rows.iterator().next().getString("uscc"), rows.iterator().next().getString("name"))));
    }

    private static StaffMember member(Row r) {
        return new StaffMember(r.getString("username"), r.getString("display_name"), r.getString("role"),
                r.getString("unit_code"), r.getBoolean("on_duty"));
    }
}
