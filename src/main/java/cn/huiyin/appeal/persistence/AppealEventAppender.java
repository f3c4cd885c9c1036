package cn.huiyin.appeal.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.persistence.AppealStateRepository.ChainHead;
import cn.huiyin.shared.sql.ColumnArrays;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends events to appeals inside the caller's transaction: locks the appeals (in id order, so that
 * concurrent appenders cannot deadlock), chains each event after the appeal's last hash, and moves the
 * appeal's head. Every capability that changes an appeal writes its events through here.
 */
@ApplicationScoped
public class AppealEventAppender {

    @Inject
    AppealStateRepository state;

    private record Head(String trackingNo, int count, byte[] hash) {
    }

    public Uni<Void> append(SqlConnection tx, Map<Long, List<NewEvent>> eventsByAppeal) {
        if (eventsByAppeal.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = eventsByAppeal.keySet().stream().sorted().toArray(Long[]::new);
        return tx.preparedQuery("SELECT id, tracking_no, event_count, last_event_hash FROM appeal WHERE id = ANY($1) "
                + "ORDER BY id FOR UPDATE")
                .execute(Tuple.of(ids))
                .chain(rows -> {
                    Map<Long, Head> heads = new HashMap<>();
                    for (Row row : rows) {
                        heads.put(row.getLong("id"), new Head(row.getString("tracking_no"), row.getInteger("event_count"),
                                row.getBuffer("last_event_hash").getBytes()));
                    }
                    ColumnArrays events = new ColumnArrays(Long.class, Integer.class, String.class, String.class,
                            OffsetDateTime.class, String.class, String.class, String.class, Buffer.class, Buffer.class);
                    List<ChainHead> newHeads = new ArrayList<>();
                    for (Long id : ids) {
                        Head head = heads.get(id);
                        int seq = head.count();
                        byte[] previous = head.hash();
                        for (NewEvent e : eventsByAppeal.get(id)) {
                            seq++;
                            PlannedEvent planned = PlannedEvent.after(previous, new ChainEntry(head.trackingNo(), seq,
                                    e.type(), e.actor(), e.occurredAt(), e.reason(), e.payloadJson()), e.visibility());
                            events.add(id, seq, e.type(), e.actor(), e.occurredAt().atOffset(ZoneOffset.UTC), e.reason(),
                                    e.visibility().name(), e.payloadJson(), Buffer.buffer(previous),
                                    Buffer.buffer(planned.hash()));
                            previous = planned.hash();
                        }
                        newHeads.add(new ChainHead(id, seq, previous));
                    }
                    // one statement per table, sent together (the client pipelines them on the connection): a batch
                    // of hundreds of appeals costs two statements, not one per event and one per appeal
                    Uni<Void> inserted = tx.preparedQuery("""
                            INSERT INTO appeal_event (appeal_id, seq, type, actor, occurred_at, reason, visibility, payload,
                                previous_hash, hash)
                            SELECT appeal_id, seq, type, actor, occurred_at, reason, visibility, payload, previous_hash, hash
                            FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[],
                                    $7::text[], $8::text[], $9::bytea[], $10::bytea[]) WITH ORDINALITY
                                AS e (appeal_id, seq, type, actor, occurred_at, reason, visibility, payload,
                                    previous_hash, hash, ord)
                            ORDER BY ord""")
                            .execute(Tuple.tuple(events.arrays())).replaceWithVoid();
                    return Uni.combine().all().unis(inserted, state.moveChainHeads(tx, newHeads)).discardItems();
                });
    }
}
