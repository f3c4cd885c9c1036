package cn.huiyin.notify.staff.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.staff.domain.DeskRole;
import cn.huiyin.notify.staff.domain.EscalatedAppeal;
import cn.huiyin.notify.staff.domain.NoticeChannel.Contact;
import cn.huiyin.notify.staff.domain.RosterEntry;
import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * What deciding who hears of an escalation reads, in the notices' transaction: the appeal's holder and unit, and the
 * people on the roster ({@code staff_member}, with its duty flag) who might hear; and each person's WeCom user id and
 * work mobile, which are kept here.
 */
@ApplicationScoped
public class NoticeRosterRepository {

    /** A staff member's WeCom user id as set (null: none). */
    public record WecomId(String username, String displayName, String wecomUserId) {
    }

    /** A staff member's work mobile (null: none); it prints masked, and is shown to nobody unmasked. */
    public record MobileOf(String username, String displayName, MobileNumber mobile) {
    }

    /** The WeCom user id is another person's already. */
    public static final class WecomIdTaken extends RuntimeException {
        public WecomIdTaken() {
            super("that WeCom user id is another staff member's", null, false, false);
        }
    }

    @Inject
    Pool pool;

    /** The appeals' holders and units, by id (an id with no appeal is missing from the map). */
    public Uni<Map<Long, EscalatedAppeal>> appeals(SqlClient tx, List<Long> appealIds) {
        return tx.preparedQuery("SELECT id, tracking_no, title, handling_unit, assignee FROM appeal WHERE id = ANY($1)")
                .execute(Tuple.of((Object) appealIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, EscalatedAppeal> found = new HashMap<>();
                    for (Row r : rows) {
                        found.put(r.getLong("id"), new EscalatedAppeal(r.getLong("id"), r.getString("tracking_no").strip(),
                                r.getString("title"), r.getString("handling_unit"), r.getString("assignee")));
                    }
                    return found;
                });
    }

    /**
     * Who might hear of an escalation of these units' appeals: their commissioners and unit leaders, the supervision
     * desk and the district leaders ({@code WhoHears} picks each appeal's own).
     */
    public Uni<List<RosterEntry>> roster(SqlClient tx, Set<String> unitCodes, DeskRole desk) {
        return tx.preparedQuery("""
                SELECT username, role, unit_code, on_duty FROM staff_member
                WHERE (unit_code = ANY($1) AND role IN ($2, $3)) OR (unit_code = $4 AND role = $5) OR role = $6""")
                .execute(Tuple.from(List.of(unitCodes.toArray(String[]::new), Roles.COMMISSIONER, Roles.UNIT_LEADER,
                        desk.unitCode(), desk.role(), Roles.DISTRICT_LEADER)))
                .map(rows -> {
                    List<RosterEntry> roster = new ArrayList<>();
                    for (Row r : rows) {
                        roster.add(new RosterEntry(r.getString("username"), r.getString("role"), r.getString("unit_code"),
                                Boolean.TRUE.equals(r.getBoolean("on_duty"))));
                    }
                    return roster;
                });
    }

    /** Whether each of these people has a WeCom user id and a mobile (those not on the roster are left out). */
    public Uni<Map<String, Contact>> contacts(SqlClient tx, List<String> usernames) {
        if (usernames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("""
                SELECT username, wecom_user_id IS NOT NULL AS on_wecom, mobile IS NOT NULL AS on_sms
                FROM staff_member WHERE username = ANY($1)""")
                .execute(Tuple.of((Object) usernames.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Contact> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getString("username"),
                            new Contact(r.getBoolean("on_wecom"), r.getBoolean("on_sms"))));
                    return found;
                });
    }

    /** Sets (or with null clears) the person's WeCom user id; empty when there is no such person. */
    public Uni<Optional<WecomId>> setWecomUserId(String username, String wecomUserId) {
        return pool.preparedQuery("""
                UPDATE staff_member SET wecom_user_id = $2 WHERE username = $1
                RETURNING username, display_name, wecom_user_id""")
                .execute(Tuple.of(username, wecomUserId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.<WecomId> empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new WecomId(r.getString("username"), r.getString("display_name"),
                            r.getString("wecom_user_id")));
                })
                .onFailure(NoticeRosterRepository::uniqueViolation).transform(taken -> new WecomIdTaken());
    }

    /** Sets (or with null clears) the person's work mobile, 11 digits; empty when there is no such person. */
    public Uni<Optional<MobileOf>> setMobile(String username, String mobile) {
        return pool.preparedQuery("""
                UPDATE staff_member SET mobile = $2 WHERE username = $1 RETURNING username, display_name, mobile""")
                .execute(Tuple.of(username, mobile))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.<MobileOf> empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new MobileOf(r.getString("username"), r.getString("display_name"),
                            MobileNumber.parse(r.getString("mobile")).orElse(null)));
                });
    }

    private static boolean uniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}
