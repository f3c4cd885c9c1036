package cn.huiyin.sla.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The latest round of some clocks of many appeals at once, by tracking number: one query for a list page. */
@ApplicationScoped
public class DueTimeRepository {

    /** One clock's timers; {@code stoppedAt} null while it runs, the escalation times null where it has none. */
    public record DueTimeRow(String trackingNo, String clock, Instant dueAt, Instant stoppedAt, Instant warningAt,
            Instant supervisionAt) {
    }

    @Inject
    Pool pool;

    public Uni<List<DueTimeRow>> latest(List<String> trackingNos, List<String> clocks) {
        if (trackingNos.isEmpty() || clocks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                SELECT DISTINCT ON (a.tracking_no, c.clock) a.tracking_no, c.clock, c.due_at, c.stopped_at,
                    (SELECT due_at FROM sla_timer t WHERE t.clock_id = c.id AND t.step = 'WARNING') AS warning_at,
                    (SELECT due_at FROM sla_timer t WHERE t.clock_id = c.id AND t.step = 'SUPERVISION') AS supervision_at
                FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id
                WHERE a.tracking_no = ANY($1::bpchar[]) AND c.clock = ANY($2::varchar[])
                ORDER BY a.tracking_no, c.clock, c.round DESC""")
                .execute(Tuple.of(trackingNos.toArray(String[]::new), clocks.toArray(String[]::new)))
                .map(rows -> {
                    List<DueTimeRow> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(new DueTimeRow(r.getString("tracking_no"), r.getString("clock"),
                                ClockRepository.instant(r.getOffsetDateTime("due_at")),
                                ClockRepository.instant(r.getOffsetDateTime("stopped_at")),
                                ClockRepository.instant(r.getOffsetDateTime("warning_at")),
                                ClockRepository.instant(r.getOffsetDateTime("supervision_at"))));
                    }
                    return found;
                });
    }
}
