package cn.huiyin.shared.database;

import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;

/**
 * Statements whose best plan depends on their values. The pool keeps every other statement prepared on each
 * connection, and PostgreSQL may then settle on one generic plan for it; a marked statement is never kept: it goes as
 * PostgreSQL's unnamed statement (parse, then bind and run: two round trips), which is planned for the values of each
 * run. That replaces a transaction of four round trips setting {@code plan_cache_mode} for one statement.
 */
@Singleton
public class PlannedForItsValues implements PgPoolCreator {

    static final String MARK = "/* planned for its values */ ";

    /** {@code sql}, marked so that the pool never keeps it prepared. */
    public static String sql(String sql) {
        return MARK + sql;
    }

    static boolean marked(String sql) {
        return sql.startsWith(MARK);
    }

    /** The pool the configuration describes, keeping prepared what it would keep except the marked statements. */
    @Override
    public Pool create(Input input) {
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        for (PgConnectOptions server : servers) {
            Predicate<String> kept = server.getPreparedStatementCacheSqlFilter();
            server.setPreparedStatementCacheSqlFilter(sql -> !marked(sql) && (kept == null || kept.test(sql)));
        }
        return PgDriver.INSTANCE.createPool(input.vertx(), servers, input.poolOptions());
    }
}
