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

    private static StaffMember member(Row r) {
        return new StaffMember(r.getString("username"), r.getString("display_name"), r.getString("role"),
                r.getString("unit_code"), r.getBoolean("on_duty"));
    }
}
