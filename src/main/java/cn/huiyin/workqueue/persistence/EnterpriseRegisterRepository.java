package cn.huiyin.workqueue.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An enterprise's row of the register ({@code enterprise}) with its named commissioners per unit
 * ({@code key_enterprise_commissioner}), their names and their units' names: what the enterprise is shown of who
 * serves it. One query.
 */
@ApplicationScoped
public class EnterpriseRegisterRepository {

    /** A unit's named commissioner of a key enterprise, and the backup if one is named. */
    public record NamedRow(String unitCode, String unitName, String commissioner, String commissionerName,
            String backup, String backupName) {
    }

    public record RegisterRow(String uscc, String name, boolean keyEnterprise, List<NamedRow> named) {
    }

    @Inject
    Pool pool;

    /** Empty when the enterprise is not in the register; a key enterprise's named commissioners by unit code. */
    public Uni<Optional<RegisterRow>> find(String uscc) {
        return pool.preparedQuery("""
                SELECT e.uscc, e.name, e.key_enterprise, k.unit_code, h.name AS unit_name,
                    k.commissioner, c.display_name AS commissioner_name, k.backup, b.display_name AS backup_name
                FROM enterprise e
                LEFT JOIN key_enterprise_commissioner k ON k.uscc = e.uscc AND e.key_enterprise
                LEFT JOIN handling_unit h ON h.code = k.unit_code
                LEFT JOIN staff_member c ON c.username = k.commissioner
                LEFT JOIN staff_member b ON b.username = k.backup
                WHERE e.uscc = $1
                ORDER BY k.unit_code""")
                .execute(Tuple.of(uscc))
                .map(EnterpriseRegisterRepository::register);
    }

    private static Optional<RegisterRow> register(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row first = rows.iterator().next();
        List<NamedRow> named = new ArrayList<>();
        for (Row r : rows) {
            if (r.getString("unit_code") != null) {
                named.add(new NamedRow(r.getString("unit_code"), r.getString("unit_name"), r.getString("commissioner"),
                        r.getString("commissioner_name"), r.getString("backup"), r.getString("backup_name")));
            }
        }
        return Optional.of(new RegisterRow(first.getString("uscc"), first.getString("name"),
                Boolean.TRUE.equals(first.getBoolean("key_enterprise")), List.copyOf(named)));
    }
}
