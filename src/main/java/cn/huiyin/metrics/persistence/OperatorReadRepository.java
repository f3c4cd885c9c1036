package cn.huiyin.metrics.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Small, index-backed counts for the operators' gauges; none reads the history. */
@ApplicationScoped
public class OperatorReadRepository {

    /** How far behind the projector is: events past its position, and seconds since it last moved (0 if none). */
    public record ProjectorLag(long pendingEvents, double seconds) {
    }

    @Inject
    Pool pool;

    public Uni<Map<String, Long>> openByState() {
        return grouped("SELECT status AS key, count(*) AS n FROM metrics_appeal_fact WHERE open AND $1::text IS NOT NULL "
                + "GROUP BY status", Tuple.of("open"));
    }

    public Uni<Map<String, Long>> receivedSinceByChannel(Instant since) {
        return grouped("SELECT channel AS key, count(*) AS n FROM metrics_appeal_fact WHERE received_at >= $1 "
                + "GROUP BY channel", Tuple.of(ProjectionRepository.utc(since)));
    }

    public Uni<ProjectorLag> projectorLag() {
        return pool.query("""
                SELECT (SELECT count(*) FROM appeal_event e WHERE e.id > p.position) AS pending,
                    extract(epoch FROM now() - p.updated_at)::float8 AS idle
                FROM metrics_projector p WHERE p.name = 'appeal-facts'""").execute()
                .map(rows -> {
                    var r = rows.iterator().next();
                    long pending = r.getLong("pending");
                    return new ProjectorLag(pending, pending == 0 ? 0 : r.getDouble("idle"));
                });
    }

    private Uni<Map<String, Long>> grouped(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.forEach(r -> counts.put(r.getString("key"), r.getLong("n")));
            return counts;
        });
    }
}
