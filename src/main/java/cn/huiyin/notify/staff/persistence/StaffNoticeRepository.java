package cn.huiyin.notify.staff.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.staff.domain.Escalation;
import cn.huiyin.notify.staff.domain.NoticeChannel;
import cn.huiyin.notify.staff.domain.NoticeDraft;
import cn.huiyin.shared.sql.ColumnArrays;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code staff_notice}: the notices of escalations, one row per escalation step and person, with each channel's
 * delivery state (in the app a stored row is delivered; WeCom and SMS are each {@code PENDING}, {@code SENT} or
 * {@code FAILED}, or {@code NONE} when the person is not reached there).
 */
@ApplicationScoped
public class StaffNoticeRepository {

    /**
     * A notice as its reader sees it; {@code recipientRole} is the reader's role on the roster now (null when they
     * left it), which decides the page the notice links to.
     */
    public record Stored(long id, String trackingNo, String clock, String step, String audience, String title,
            String body, Instant dueAt, Instant createdAt, Instant readAt, String wecomState, String smsState,
            String recipientRole) {
    }

    private static final String COLUMNS = "n.id, n.tracking_no, n.clock, n.step, n.audience, n.title, n.body, n.due_at, "
            + "n.created_at, n.read_at, n.wecom_state, n.sms_state, "
            + "(SELECT s.role FROM staff_member s WHERE s.username = n.recipient) AS recipient_role";

    @Inject
    Pool pool;

    /**
     * One writer per escalation at a time (transaction-scoped): a second delivery waits and then finds the rows. The
     * locks are taken in the order of their keys, so that two deliveries of overlapping escalations cannot deadlock.
     */
    public Uni<Void> lock(SqlClient tx, List<Escalation> escalations) {
        String[] keys = escalations.stream().map(e -> "huiyin-staff-notice:" + e.appealId() + ":" + e.clock() + ":"
                + e.step().name() + ":" + e.dueAt().toEpochMilli()).toArray(String[]::new);
        return tx.preparedQuery("""
                SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(key) AS k FROM unnest($1::text[]) AS key
                    ORDER BY k) AS keys""")
                .execute(Tuple.of((Object) keys))
                .replaceWithVoid();
    }

    /**
     * Which of the escalations have their notices written already (by an earlier delivery of the same outbox row), as
     * their places in {@code escalations}.
     */
    public Uni<Set<Integer>> written(SqlClient tx, List<Escalation> escalations) {
        ColumnArrays keys = new ColumnArrays(Long.class, String.class, String.class, OffsetDateTime.class);
        escalations.forEach(e -> keys.add(e.appealId(), e.clock(), e.step().name(), utc(e.dueAt())));
        return tx.preparedQuery("""
                SELECT e.ord
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY
                    AS e (appeal_id, clock, step, due_at, ord)
                WHERE EXISTS (SELECT 1 FROM staff_notice n WHERE n.appeal_id = e.appeal_id AND n.clock = e.clock
                    AND n.step = e.step AND n.due_at = e.due_at)""")
                .execute(Tuple.tuple(keys.arrays()))
                .map(rows -> {
                    Set<Integer> written = new HashSet<>();
                    rows.forEach(r -> written.add(r.getLong("ord").intValue() - 1)); // ordinality counts from 1
                    return written;
                });
    }

    /** Stores the notices with one statement; one already there for the same escalation and person is left as it is. */
    public Uni<Void> insert(SqlClient tx, List<NoticeDraft> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ColumnArrays rows = new ColumnArrays(Long.class, String.class, String.class, String.class, OffsetDateTime.class,
                String.class, String.class, String.class, String.class, String.class, OffsetDateTime.class,
                String.class, OffsetDateTime.class);
        for (NoticeDraft d : drafts) {
            Escalation e = d.escalation();
            rows.add(e.appealId(), d.trackingNo(), e.clock(), e.step().name(), utc(e.dueAt()), d.recipient().username(),
                    d.recipient().audience().name(), d.text().title(), d.text().body(), state(d, NoticeChannel.WECOM),
                    due(d, NoticeChannel.WECOM, now), state(d, NoticeChannel.SMS), due(d, NoticeChannel.SMS, now));
        }
        List<Object> parameters = new ArrayList<>(rows.arrays());
        parameters.add(utc(now));
        return tx.preparedQuery("""
                INSERT INTO staff_notice (appeal_id, tracking_no, clock, step, due_at, recipient, audience, title, body,
                    created_at, wecom_state, wecom_next_at, sms_state, sms_next_at)
                SELECT appeal_id, tracking_no, clock, step, due_at, recipient, audience, title, body, $14, wecom_state,
                    wecom_next_at, sms_state, sms_next_at
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::text[], $13::timestamptz[])
                    WITH ORDINALITY AS n (appeal_id, tracking_no, clock, step, due_at, recipient, audience, title, body,
                        wecom_state, wecom_next_at, sms_state, sms_next_at, ord)
                ORDER BY ord
                ON CONFLICT (appeal_id, clock, step, due_at, recipient) DO NOTHING""")
                .execute(Tuple.tuple(parameters)).replaceWithVoid();
    }

    private static String state(NoticeDraft draft, NoticeChannel channel) {
        return draft.channel() == channel ? "PENDING" : "NONE";
    }

    private static OffsetDateTime due(NoticeDraft draft, NoticeChannel channel, Instant now) {
        return draft.channel() == channel ? utc(now) : null;
    }

    /** The person's notices, newest first. */
    public Uni<List<Stored>> of(String recipient, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM staff_notice n WHERE n.recipient = $1 "
                + "ORDER BY n.created_at DESC, n.id DESC LIMIT $2")
                .execute(Tuple.of(recipient, limit))
                .map(rows -> {
                    List<Stored> stored = new ArrayList<>();
                    for (Row r : rows) {
                        stored.add(stored(r));
                    }
                    return stored;
                });
    }

    public Uni<Long> unread(String recipient) {
        return pool.preparedQuery("SELECT count(*) AS unread FROM staff_notice WHERE recipient = $1 AND read_at IS NULL")
                .execute(Tuple.of(recipient)).map(rows -> rows.iterator().next().getLong("unread"));
    }

    /** Marks the person's own notice read (the first reading counts); false when they have no such notice. */
    public Uni<Boolean> markRead(long id, String recipient, Instant at) {
        return pool.preparedQuery("UPDATE staff_notice SET read_at = coalesce(read_at, $3) WHERE id = $1 AND recipient = $2")
                .execute(Tuple.of(id, recipient, utc(at))).map(rows -> rows.rowCount() > 0);
    }

    private static Stored stored(Row r) {
        OffsetDateTime readAt = r.getOffsetDateTime("read_at");
        return new Stored(r.getLong("id"), r.getString("tracking_no").strip(), r.getString("clock"), r.getString("step"),
                r.getString("audience"), r.getString("title"), r.getString("body"),
                r.getOffsetDateTime("due_at").toInstant(), r.getOffsetDateTime("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant(), r.getString("wecom_state"), r.getString("sms_state"),
                r.getString("recipient_role"));
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
