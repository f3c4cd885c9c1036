package cn.huiyin.notify.staff.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.domain.MobileNumber;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Staff notices on their way out by WeCom or SMS: due rows claimed for a lease, and each attempt's outcome. Both
 * channels keep the same columns under their own prefix ({@code wecom_*}, {@code sms_*}) on {@code staff_notice}.
 */
@ApplicationScoped
public class NoticeDeliveryRepository {

    /** A channel whose delivery state lives in {@code <column>_state}, {@code _attempts}, {@code _next_at} … */
    public enum Channel {
        WECOM("wecom"), SMS("sms");

        private final String sent;
        private final String later;
        private final String failed;

        Channel(String column) {
            // built once from the constant prefix: nothing from outside reaches these statements
            sent = ("UPDATE staff_notice SET %1$s_state = 'SENT', %1$s_attempts = %1$s_attempts + 1, %1$s_sent_at = $2, "
                    + "%1$s_next_at = NULL, %1$s_error = NULL WHERE id = $1").formatted(column);
            later = ("UPDATE staff_notice SET %1$s_attempts = %1$s_attempts + 1, %1$s_error = $2, %1$s_next_at = $3 "
                    + "WHERE id = $1").formatted(column);
            failed = ("UPDATE staff_notice SET %1$s_state = 'FAILED', %1$s_attempts = %1$s_attempts + 1, "
                    + "%1$s_error = $2, %1$s_next_at = NULL WHERE id = $1").formatted(column);
        }
    }

    /**
     * A notice claimed for WeCom; {@code wecomUserId} is the person's id now (null when it was removed since), and
     * {@code recipientRole} their role now, which decides the page the card opens.
     */
    public record WecomDue(long id, String trackingNo, String title, String body, int attempts, String wecomUserId,
            String recipientRole) {
    }

    /**
     * A notice claimed for SMS; {@code mobile} is the person's work mobile now (null when it was removed since), and
     * {@code recipientRole} their role now, which decides the page the message links to.
     */
    public record SmsDue(long id, String trackingNo, String clock, String step, int attempts, MobileNumber mobile,
            String recipientRole) {
    }

    @Inject
    Pool pool;

    /**
     * Up to {@code batch} notices due for WeCom, reserved for {@code lease}: rows another replica holds are skipped
     * ({@code SKIP LOCKED}), and a reservation that runs out (the replica died) makes its rows due again.
     */
    public Uni<List<WecomDue>> claimWecom(Instant now, int batch, Duration lease) {
        return pool.preparedQuery("""
                UPDATE staff_notice n SET wecom_next_at = $1 + make_interval(secs => $3)
                WHERE n.id IN (SELECT id FROM staff_notice WHERE wecom_state = 'PENDING' AND wecom_next_at <= $1
                               ORDER BY wecom_next_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING n.id, n.tracking_no, n.title, n.body, n.wecom_attempts,
                    (SELECT s.wecom_user_id FROM staff_member s WHERE s.username = n.recipient) AS wecom_user_id,
                    (SELECT s.role FROM staff_member s WHERE s.username = n.recipient) AS recipient_role""")
                .execute(Tuple.of(StaffNoticeRepository.utc(now), batch, (double) lease.toSeconds()))
                .map(rows -> {
                    List<WecomDue> due = new ArrayList<>();
                    for (Row r : rows) {
                        due.add(new WecomDue(r.getLong("id"), r.getString("tracking_no"), r.getString("title"),
                                r.getString("body"), r.getInteger("wecom_attempts"), r.getString("wecom_user_id"),
                                r.getString("recipient_role")));
                    }
                    return due;
                });
    }

    /**
     * Up to {@code batch} notices due for SMS, reserved for {@code lease} as {@link #claimWecom} reserves WeCom's: rows
     * another replica holds are skipped, and a reservation that runs out makes its rows due again.
     */
    public Uni<List<SmsDue>> claimSms(Instant now, int batch, Duration lease) {
        return pool.preparedQuery("""
                UPDATE staff_notice n SET sms_next_at = $1 + make_interval(secs => $3)
                WHERE n.id IN (SELECT id FROM staff_notice WHERE sms_state = 'PENDING' AND sms_next_at <= $1
                               ORDER BY sms_next_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING n.id, n.tracking_no, n.clock, n.step, n.sms_attempts,
                    (SELECT s.mobile FROM staff_member s WHERE s.username = n.recipient) AS mobile,
                    (SELECT s.role FROM staff_member s WHERE s.username = n.recipient) AS recipient_role""")
                .execute(Tuple.of(StaffNoticeRepository.utc(now), batch, (double) lease.toSeconds()))
                .map(rows -> {
                    List<SmsDue> due = new ArrayList<>();
                    for (Row r : rows) {
                        due.add(new SmsDue(r.getLong("id"), r.getString("tracking_no").strip(), r.getString("clock"),
                                r.getString("step"), r.getInteger("sms_attempts"),
                                MobileNumber.parse(r.getString("mobile")).orElse(null), r.getString("recipient_role")));
                    }
                    return due;
                });
    }

    public Uni<Void> sent(Channel channel, long id, Instant at) {
        return pool.preparedQuery(channel.sent).execute(Tuple.of(id, StaffNoticeRepository.utc(at))).replaceWithVoid();
    }

    /** One more attempt that the channel put off: due again at {@code nextAt}. */
    public Uni<Void> later(Channel channel, long id, String why, Instant nextAt) {
        return pool.preparedQuery(channel.later).execute(Tuple.of(id, why, StaffNoticeRepository.utc(nextAt)))
                .replaceWithVoid();
    }

    /** Given up: the channel refused it, or put it off too often ({@code why} says which). */
    public Uni<Void> failed(Channel channel, long id, String why) {
        return pool.preparedQuery(channel.failed).execute(Tuple.of(id, why)).replaceWithVoid();
    }
}
