package cn.huiyin.testsupport;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Looks straight into the test database, to check what was (or was not) stored. */
@ApplicationScoped
public class Database {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    public long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(PATIENCE)
                .iterator().next().getLong(0);
    }

    public String string(String sql, Object... args) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(PATIENCE);
        return rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null;
    }

    public void execute(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(PATIENCE);
    }

    /** Runs a statement with triggers off, as someone with direct database access could. */
    public void tamper(String sql) {
        pool.withConnection(connection -> connection.query("SET session_replication_role = replica").execute()
                .chain(() -> connection.query(sql).execute())
                .chain(() -> connection.query("SET session_replication_role = origin").execute()))
                .await().atMost(PATIENCE);
    }

    public long id(String trackingNo) {
        return count("SELECT id FROM appeal WHERE tracking_no = $1", trackingNo);
    }

    public long appealsOf(String uscc) {
        return count("SELECT count(*) FROM appeal WHERE uscc = $1", uscc);
    }
}
