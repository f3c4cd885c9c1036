package cn.huiyin.routing.persistence;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.routing.application.RoutingSuggestions.RoutingConfig;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.shared.CachedUni;
import cn.huiyin.shared.cache.CacheChanges;
import cn.huiyin.shared.cache.SharedCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The catalogue as the intake path needs it: one snapshot, re-read when a change is announced by any replica
 * ({@link CacheChanges}) and in any case every {@code huiyin.routing.catalogue-refresh-every} (30 s), so that an
 * edit takes effect without a deploy and intake pays no query per appeal. A hot-path read, so on the raw reactive
 * client; the catalogue's administration goes through entities ({@link CatalogueVersionRepository}, ADR 0012).
 */
@ApplicationScoped
public class CatalogueRepository {

    private final CachedUni<Catalogue> current;

    @Inject
    public CatalogueRepository(Pool pool, CacheChanges changes, RoutingConfig config) {
        this.current = new CachedUni<>(Uni.combine().all()
                .unis(pool.query("SELECT code, name, unit_rule, urgent_hours FROM dispatch_category").execute(),
                        pool.query("SELECT code, name FROM handling_unit").execute())
                .with((categories, units) -> {
                    Map<String, DispatchRule> rules = new HashMap<>();
                    for (Row row : categories) {
                        rules.put(row.getString("code"), new DispatchRule(row.getString("code"), row.getString("name"),
                                row.getString("unit_rule"), row.getInteger("urgent_hours")));
                    }
                    Map<String, String> names = new HashMap<>();
                    for (Row row : units) {
                        names.put(row.getString("code"), row.getString("name"));
                    }
                    return new Catalogue(rules, names);
                })
                , config.catalogueRefreshEvery());
        changes.onChange(SharedCache.CATALOGUE, current::invalidate);
    }

    public Uni<Catalogue> current() {
        return current.get();
    }

    /** After a catalogue change on this replica: read it again now (other replicas once it is announced). */
    public void changed() {
        current.invalidate();
    }
}
