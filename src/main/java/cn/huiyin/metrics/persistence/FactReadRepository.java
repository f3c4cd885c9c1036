package cn.huiyin.metrics.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.metrics.domain.OverdueAge;
import cn.huiyin.metrics.persistence.RollupRepository.Filter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads facts for the drill-down and the live overdue backlog (open appeals only, by a partial index). */
@ApplicationScoped
public class FactReadRepository {

    /** One appeal behind a figure. */
    public record FactRow(long appealId, String trackingNo, String unit, String street, String category, String channel,
            String status, LocalDate receivedDay, Instant receivedAt, Instant dispatchedAt, Instant repliedAt,
            Instant handleDueAt, Long responseMinutes, Long handlingMinutes, Boolean respondOnTime,
            Boolean handleOnTime, Integer ratingLevel, Boolean ratingResolved, boolean ratingExcluded) {
    }

    private static final String COLUMNS = """
            appeal_id, tracking_no, unit_code, street_code, category, channel, status, received_day, received_at,
            dispatched_at, replied_at, handle_due_at, response_minutes, handling_minutes, respond_on_time, handle_on_time,
            rating_level, rating_resolved, rating_excluded""";

    private static final String SCOPE = "($1::text IS NULL OR unit_code = $1) AND ($2::text IS NULL OR street_code = $2) "
            + "AND ($3::text IS NULL OR category = $3)";

    @Inject
    Pool pool;

    /** The appeals received in the filter's period that belong to the counted set {@code bit}, after {@code afterId}. */
    public Uni<List<FactRow>> inCount(Filter filter, int bit, long afterId, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM metrics_appeal_fact WHERE " + SCOPE
                + " AND received_day BETWEEN $4 AND $5 AND (count_bits & $6) <> 0 AND appeal_id > $7::bigint"
                + " ORDER BY appeal_id LIMIT $8")
                .execute(Tuple.tuple(Arrays.asList(filter.unit(), filter.street(), filter.category(), filter.from(),
                        filter.to(), bit, afterId, limit)))
                .map(FactReadRepository::rows);
    }

    /** Open appeals past their handling due time at {@code now}; {@code age} narrows to one bucket (null: all). */
    public Uni<List<FactRow>> overdue(Filter filter, Instant now, OverdueAge age, long afterId, int limit) {
        Instant newestDue = age == null ? now : now.minus(age.from());
        Instant oldestDue = age == null || age.to() == null ? Instant.EPOCH : now.minus(age.to());
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM metrics_appeal_fact WHERE open AND " + SCOPE
                + " AND handle_due_at < $4 AND handle_due_at >= $5 AND appeal_id > $6::bigint ORDER BY appeal_id LIMIT $7")
                .execute(Tuple.tuple(Arrays.asList(filter.unit(), filter.street(), filter.category(),
                        ProjectionRepository.utc(newestDue), ProjectionRepository.utc(oldestDue), afterId, limit)))
                .map(FactReadRepository::rows);
    }

    /** How many open appeals are past due, by age bucket. */
    public Uni<Map<OverdueAge, Long>> overdueByAge(Filter filter, Instant now) {
        return pool.preparedQuery("SELECT handle_due_at FROM metrics_appeal_fact WHERE open AND " + SCOPE
                + " AND handle_due_at < $4")
                .execute(Tuple.tuple(Arrays.asList(filter.unit(), filter.street(), filter.category(),
                        ProjectionRepository.utc(now))))
                .map(rows -> {
                    Map<OverdueAge, Long> buckets = new EnumMap<>(OverdueAge.class);
                    for (OverdueAge age : OverdueAge.values()) {
                        buckets.put(age, 0L);
                    }
                    rows.forEach(r -> buckets.merge(OverdueAge.of(ProjectionRepository.instant(r, "handle_due_at"), now),
                            1L, Long::sum));
                    return buckets;
                });
    }

    private static List<FactRow> rows(Iterable<Row> rows) {
        List<FactRow> list = new ArrayList<>();
        for (Row r : rows) {
            Integer level = r.getInteger("rating_level");
            list.add(new FactRow(r.getLong("appeal_id"), r.getString("tracking_no"), r.getString("unit_code"),
                    r.getString("street_code"), r.getString("category"), r.getString("channel"), r.getString("status"),
                    r.getLocalDate("received_day"), ProjectionRepository.instant(r, "received_at"),
                    ProjectionRepository.instant(r, "dispatched_at"), ProjectionRepository.instant(r, "replied_at"),
                    ProjectionRepository.instant(r, "handle_due_at"), r.getLong("response_minutes"),
                    r.getLong("handling_minutes"), r.getBoolean("respond_on_time"), r.getBoolean("handle_on_time"), level,
                    r.getBoolean("rating_resolved"), r.getBoolean("rating_excluded")));
        }
        return list;
    }
}
