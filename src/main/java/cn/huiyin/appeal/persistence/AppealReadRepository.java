package cn.huiyin.appeal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads an appeal and its event log for the status and timeline views. */
@ApplicationScoped
public class AppealReadRepository {

    public record AppealRow(long id, String trackingNo, String channel, String uscc, String enterpriseName,
            String identityState, String contactName, String mobile, String title, String content, String appealType,
            String category, boolean urgent, String status, String handlingUnit, String handlingUnitName,
            Instant receivedAt, Instant dispatchedAt, Instant updatedAt, boolean supervised, int eventCount,
            byte[] lastEventHash, List<String> helperUnits) {
    }

    public record EventRow(int seq, String type, String actor, Instant occurredAt, String reason, String visibility,
            String payload, byte[] previousHash, byte[] hash) {
    }

    @Inject
    Pool pool;

    public Uni<Optional<AppealRow>> find(String trackingNo) {
        return pool.preparedQuery("""
                SELECT a.*, u.name AS unit_name,
                    ARRAY(SELECT h.unit_code FROM appeal_helper_unit h WHERE h.appeal_id = a.id ORDER BY h.unit_code) AS helper_units
                FROM appeal a
                LEFT JOIN handling_unit u ON u.code = a.handling_unit
                WHERE a.tracking_no = $1""")
                .execute(Tuple.of(trackingNo))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(appeal(rows.iterator().next())) : Optional.empty());
    }

    /** Where a WeChat appeal's answer goes: {@code account/openId}, as stored at intake. */
    public record ReplyAddress(String trackingNo, String replyTo) {
    }

    public Uni<Optional<ReplyAddress>> replyAddress(long appealId) {
        return pool.preparedQuery("SELECT reply_to, tracking_no FROM appeal WHERE id = $1").execute(Tuple.of(appealId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(new ReplyAddress(rows.iterator().next().getString("tracking_no"),
                                rows.iterator().next().getString("reply_to")))
                        : Optional.empty());
    }

    /** The latest appeals from this mobile number, newest first. */
    public Uni<List<AppealSummary>> recentByMobile(String mobile, int limit) {
        return recent("""
                SELECT tracking_no, title, status, uscc, enterprise_name, received_at FROM appeal
                WHERE mobile = $1 ORDER BY received_at DESC LIMIT $2""", mobile, limit);
    }

    /** The latest appeals of this enterprise (by its credit code), newest first. */
    public Uni<List<AppealSummary>> recentByUscc(String uscc, int limit) {
        return recent("""
                SELECT tracking_no, title, status, uscc, enterprise_name, received_at FROM appeal
                WHERE uscc = $1 ORDER BY received_at DESC LIMIT $2""", uscc, limit);
    }

    private Uni<List<AppealSummary>> recent(String sql, String key, int limit) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(key, limit))
                .map(rows -> {
                    List<AppealSummary> recent = new ArrayList<>();
                    for (Row r : rows) {
                        recent.add(new AppealSummary(r.getString("tracking_no"), r.getString("title"), r.getString("status"),
                                r.getString("uscc"), r.getString("enterprise_name"),
                                instant(r.getOffsetDateTime("received_at"))));
                    }
                    return recent;
                });
    }

    public Uni<List<EventRow>> events(long appealId) {
        return pool.preparedQuery("""
                SELECT seq, type, actor, occurred_at, reason, visibility, payload, previous_hash, hash
                FROM appeal_event WHERE appeal_id = $1 ORDER BY seq""")
                .execute(Tuple.of(appealId))
                .map(rows -> {
                    List<EventRow> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new EventRow(row.getInteger("seq"), row.getString("type"), row.getString("actor"),
                                instant(row.getOffsetDateTime("occurred_at")), row.getString("reason"),
                                row.getString("visibility"), row.getString("payload"),
                                row.getBuffer("previous_hash").getBytes(), row.getBuffer("hash").getBytes()));
                    }
                    return events;
                });
    }

    private static AppealRow appeal(Row row) {
        return new AppealRow(row.getLong("id"), row.getString("tracking_no"), row.getString("channel"),
                row.getString("uscc"), row.getString("enterprise_name"), row.getString("identity_state"),
                row.getString("contact_name"), row.getString("mobile"), row.getString("title"), row.getString("content"),
                row.getString("appeal_type"), row.getString("category"), row.getBoolean("urgent"),
                row.getString("status"), row.getString("handling_unit"), row.getString("unit_name"),
                instant(row.getOffsetDateTime("received_at")), instant(row.getOffsetDateTime("dispatched_at")),
                instant(row.getOffsetDateTime("updated_at")), row.getBoolean("supervised"), row.getInteger("event_count"),
                row.getBuffer("last_event_hash").getBytes(), List.of(row.getArrayOfStrings("helper_units")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
