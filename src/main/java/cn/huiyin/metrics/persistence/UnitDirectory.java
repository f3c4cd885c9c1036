package cn.huiyin.metrics.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Names of units, streets and categories, for pages and exports (reference data, small). */
@ApplicationScoped
public class UnitDirectory {

    @Inject
    Pool pool;

    /** Handling units other than streets, by code, in code order. */
    public Uni<Map<String, String>> units() {
        return names("SELECT code, name FROM handling_unit WHERE kind <> $1 ORDER BY code", "STREET");
    }

    /** Streets (街道), by code. */
    public Uni<Map<String, String>> streets() {
        return names("SELECT code, name FROM handling_unit WHERE kind = $1 ORDER BY code", "STREET");
    }

    /** Every handling unit and street, by code. */
    public Uni<Map<String, String>> all() {
        return names("SELECT code, name FROM handling_unit WHERE $1::text IS NOT NULL ORDER BY code", "any");
    }

    public Uni<Map<String, String>> categories() {
        return names("SELECT code, name FROM dispatch_category WHERE $1::text IS NOT NULL ORDER BY position", "any");
    }

    private Uni<Map<String, String>> names(String sql, String arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).map(rows -> {
            Map<String, String> names = new LinkedHashMap<>();
            rows.forEach(r -> names.put(r.getString("code"), r.getString("name")));
            return names;
        });
    }
}
