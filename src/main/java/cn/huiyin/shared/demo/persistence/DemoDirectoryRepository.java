package cn.huiyin.shared.demo.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The demo's enterprises and users: seeded at start (blocking, before traffic), read when a demo token is minted. */
@ApplicationScoped
public class DemoDirectoryRepository {

    /** A demo enterprise; {@code key}: a key enterprise (重点企业) with its own commissioner. */
    public record Enterprise(String uscc, String name, String street, boolean key) {
    }

    /** A user as a demo token carries them. */
    public record StaffMember(String username, String displayName, String role, String unitCode, String uscc) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    Pool pool;

    /** Adds what is missing; rows already there are kept as they are. */
    public void seed(List<Enterprise> enterprises, List<StaffMember> users, String keyEnterpriseUscc, String keyUnit,
            String keyCommissioner) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement enterprise = connection.prepareStatement("""
                        INSERT INTO enterprise (uscc, name, street_code, key_enterprise) VALUES (?, ?, ?, ?)
                        ON CONFLICT (uscc) DO NOTHING""");
                PreparedStatement user = connection.prepareStatement("""
                        INSERT INTO staff_member (username, display_name, role, unit_code, uscc) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING""");
                PreparedStatement named = connection.prepareStatement(
                        "INSERT INTO key_enterprise_commissioner (uscc, unit_code, commissioner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Enterprise e : enterprises) {
                enterprise.setString(1, e.uscc());
                enterprise.setString(2, e.name());
                enterprise.setString(3, e.street());
                enterprise.setBoolean(4, e.key());
                enterprise.addBatch();
            }
            enterprise.executeBatch();
            for (StaffMember u : users) {
                user.setString(1, u.username());
                user.setString(2, u.displayName());
                user.setString(3, u.role());
                user.setString(4, u.unitCode());
                user.setString(5, u.uscc());
                user.addBatch();
            }
            user.executeBatch();
            named.setString(1, keyEnterpriseUscc);
            named.setString(2, keyUnit);
            named.setString(3, keyCommissioner);
            named.executeUpdate();
        }
    }

    public Uni<Optional<StaffMember>> staffMember(String username) {
        return pool.preparedQuery("SELECT username, display_name, role, unit_code, uscc FROM staff_member WHERE username = $1")
                .execute(Tuple.of(username))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new StaffMember(r.getString("username"), r.getString("display_name"),
                            r.getString("role"), r.getString("unit_code"), r.getString("uscc")));
                });
    }
}
