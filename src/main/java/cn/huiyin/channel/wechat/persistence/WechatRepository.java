package cn.huiyin.channel.wechat.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Followers, their bindings, the first reply to every message, and a follower's appeals. */
@ApplicationScoped
public class WechatRepository {

    public record Follower(String uscc, String mobile) {
    }

    public record AppealLine(long id, String trackingNo, String title, String status, Instant receivedAt) {
    }

    @Inject
    Pool pool;

    /** The reply already given to this message, if it was handled before (a retry). */
    public Uni<Optional<String>> firstReply(String account, String dedupeKey) {
        return pool.preparedQuery("SELECT reply FROM wechat_message WHERE account = $1 AND dedupe_key = $2")
                .execute(Tuple.of(account, dedupeKey))
                .map(rows -> rows.iterator().hasNext() ? Optional.ofNullable(rows.iterator().next().getString("reply"))
                        .or(() -> Optional.of("")) : Optional.empty());
    }

    /** Claims a message for handling in {@code tx}; false when another delivery of it got there first. */
    public Uni<Boolean> claim(SqlClient tx, String account, String dedupeKey, String openId, String reply) {
        return tx.preparedQuery("""
                INSERT INTO wechat_message (account, dedupe_key, open_id, reply) VALUES ($1, $2, $3, $4)
                ON CONFLICT DO NOTHING""").execute(Tuple.of(account, dedupeKey, openId, reply))
                .map(inserted -> inserted.rowCount() == 1);
    }

    /** Remembers that the follower wrote now (opens the 48-hour customer-service window). */
    public Uni<Void> touch(String account, String openId, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO wechat_follower (account, open_id, last_message_at) VALUES ($1, $2, $3)
                ON CONFLICT (account, open_id) DO UPDATE SET last_message_at = GREATEST(wechat_follower.last_message_at, $3)""")
                .execute(Tuple.of(account, openId, at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Optional<Follower>> follower(String account, String openId) {
        return pool.preparedQuery("SELECT uscc, mobile FROM wechat_follower WHERE account = $1 AND open_id = $2 AND bound_at IS NOT NULL")
                .execute(Tuple.of(account, openId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(new Follower(rows.iterator().next().getString("uscc"), rows.iterator().next().getString("mobile")))
                        : Optional.empty());
    }

    public Uni<Void> bind(String account, String openId, String uscc, String mobile, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO wechat_follower (account, open_id, last_message_at, uscc, mobile, bound_at) VALUES ($1, $2, $5, $3, $4, $5)
                ON CONFLICT (account, open_id) DO UPDATE SET uscc = $3, mobile = $4, bound_at = $5""")
                .execute(Tuple.of(account, openId, uscc, mobile, at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Keeps a binding waiting for its code; a new request replaces an older pending one. */
    public Uni<Void> pendBinding(String account, String openId, String uscc, String mobile, String codeHash,
            Instant expiresAt, Instant at) {
        return pool.preparedQuery("""
                INSERT INTO wechat_follower (account, open_id, last_message_at, pending_uscc, pending_mobile, code_hash,
                    code_expires_at, code_attempts) VALUES ($1, $2, $7, $3, $4, $5, $6, 0)
                ON CONFLICT (account, open_id) DO UPDATE SET pending_uscc = $3, pending_mobile = $4, code_hash = $5,
                    code_expires_at = $6, code_attempts = 0""")
                .execute(Tuple.tuple(List.of(account, openId, uscc, mobile, codeHash,
                        expiresAt.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    /**
     * Completes a pending binding when the code matches, has not expired and fewer than five wrong codes were
     * tried; returns the bound enterprise, or empty (and counts the attempt).
     */
    public Uni<Optional<Follower>> confirmBinding(String account, String openId, String codeHash, Instant at) {
        return pool.preparedQuery("""
                UPDATE wechat_follower SET uscc = pending_uscc, mobile = pending_mobile, bound_at = $4,
                    pending_uscc = NULL, pending_mobile = NULL, code_hash = NULL, code_expires_at = NULL
                WHERE account = $1 AND open_id = $2 AND code_hash = $3 AND code_expires_at > $4 AND code_attempts < 5
                RETURNING uscc, mobile""")
                .execute(Tuple.of(account, openId, codeHash, at.atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.iterator().hasNext()
                        ? Uni.createFrom().item(Optional.of(new Follower(rows.iterator().next().getString("uscc"),
                                rows.iterator().next().getString("mobile"))))
                        : pool.preparedQuery("UPDATE wechat_follower SET code_attempts = code_attempts + 1 "
                                + "WHERE account = $1 AND open_id = $2 AND code_hash IS NOT NULL")
                                .execute(Tuple.of(account, openId)).replaceWith(Optional.<Follower> empty()));
    }

    /** The follower's latest appeals, newest first. */
    public Uni<List<AppealLine>> appealsOf(String replyTo, int limit) {
        return pool.preparedQuery("""
                SELECT id, tracking_no, title, status, received_at FROM appeal WHERE reply_to = $1
                ORDER BY received_at DESC LIMIT $2""").execute(Tuple.of(replyTo, limit)).map(WechatRepository::lines);
    }

    /** The follower's latest open appeal received since {@code since}: where a follow-up message belongs. */
    public Uni<Optional<AppealLine>> openAppealSince(String replyTo, Instant since) {
        return pool.preparedQuery("""
                SELECT id, tracking_no, title, status, received_at FROM appeal
                WHERE reply_to = $1 AND received_at >= $2 AND status NOT IN ('CLOSED', 'MERGED')
                ORDER BY received_at DESC LIMIT 1""").execute(Tuple.of(replyTo, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> lines(rows).stream().findFirst());
    }

    public Uni<Optional<AppealLine>> appeal(String trackingNo) {
        return pool.preparedQuery("SELECT id, tracking_no, title, status, received_at FROM appeal WHERE tracking_no = $1")
                .execute(Tuple.of(trackingNo)).map(rows -> lines(rows).stream().findFirst());
    }

    private static List<AppealLine> lines(Iterable<Row> rows) {
        List<AppealLine> lines = new ArrayList<>();
        for (Row r : rows) {
            lines.add(new AppealLine(r.getLong("id"), r.getString("tracking_no"), r.getString("title"), r.getString("status"),
                    r.getOffsetDateTime("received_at").toInstant()));
        }
        return lines;
    }
}
