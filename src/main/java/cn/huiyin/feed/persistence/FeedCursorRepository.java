package cn.huiyin.feed.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiyin.feed.domain.FeedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The feed's cursor ({@code event_feed_cursor}) and the appeal events past it. */
@ApplicationScoped
public class FeedCursorRepository {

    private static final String CURSOR = "kafka";

    /** Locks the cursor row and answers its position; {@code null} when another replica is publishing right now. */
    public Uni<Long> lock(SqlConnection tx) {
        return tx.preparedQuery("SELECT position FROM event_feed_cursor WHERE name = $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(CURSOR))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("position") : null);
    }

    /** Where the database's transactions stand: the oldest still running, the next id to be given, and the time. */
    public record Horizon(long xmin, long xmax, Instant now) {
    }

    /** Read after the events, so that a transaction holding an id missing from them is below {@code xmax}. */
    public Uni<Horizon> horizon(SqlConnection tx) {
        return tx.query("SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax, "
                + "clock_timestamp() AS now FROM pg_current_snapshot() s").execute()
                .map(rows -> rows.iterator().next())
                .map(r -> new Horizon(r.getLong("xmin"), r.getLong("xmax"), r.getOffsetDateTime("now").toInstant()));
    }

    /** Events past the cursor, ascending by id, with their appeal's tracking number. */
    public Uni<List<FeedEvent>> eventsAfter(SqlConnection tx, long position, int limit) {
        return tx.preparedQuery("""
                SELECT e.id, e.appeal_id, a.tracking_no, e.seq, e.type, e.visibility, e.occurred_at, e.actor, e.reason,
                    e.payload
                FROM appeal_event e JOIN appeal a ON a.id = e.appeal_id
                WHERE e.id > $1::bigint ORDER BY e.id LIMIT $2""")
                .execute(Tuple.of(position, limit))
                .map(rows -> {
                    List<FeedEvent> events = new ArrayList<>();
                    rows.forEach(r -> events.add(event(r)));
                    return events;
                });
    }

    public Uni<Void> advance(SqlConnection tx, long position) {
        return tx.preparedQuery("UPDATE event_feed_cursor SET position = $1, updated_at = now() WHERE name = $2")
                .execute(Tuple.of(position, CURSOR)).replaceWithVoid();
    }

    private static FeedEvent event(Row r) {
        OffsetDateTime at = r.getOffsetDateTime("occurred_at");
        return new FeedEvent(r.getLong("id"), r.getLong("appeal_id"), r.getString("tracking_no"), r.getInteger("seq"),
                r.getString("type"), "INTERNAL".equals(r.getString("visibility")), at.toInstant(), r.getString("actor"),
                r.getString("reason"), r.getString("payload"));
    }
}
