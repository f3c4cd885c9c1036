package cn.huiyin.sla.application;

import java.time.Duration;

import cn.huiyin.testsupport.Database;

/** Dispatched appeals whose HANDLE clocks ran out, with their three escalation steps due; and what fired for them. */
final class OverdueAppeals {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Database db;
    private final String prefix;

    /** {@code appeals} appeals whose tracking numbers start with {@code prefix}, their clocks out an hour ago. */
    static OverdueAppeals create(Database db, String prefix, int appeals) {
        db.execute("""
                INSERT INTO appeal (tracking_no, channel, request_hash, identity_state, title, content, appeal_type,
                    status, handling_unit, received_at, dispatched_at, updated_at, event_count, last_event_hash)
                SELECT $1 || lpad(g::text, 7, '0'), 'WEB', repeat('0', 64), 'DECLARED', '测试', '逾期测试内容', 'HELP',
                    'DISPATCHED', 'TAX', now() - interval '3 days', now() - interval '3 days', now(), 0,
                    decode(repeat('00', 32), 'hex')
                FROM generate_series(1, $2) g""", prefix, appeals);
        db.execute("""
                INSERT INTO appeal_clock (appeal_id, clock, rule_id, started_at, due_at)
                SELECT a.id, 'HANDLE', (SELECT min(id) FROM clock_rule WHERE clock = 'HANDLE'),
                    now() - interval '3 days', now() - interval '2 days'
                FROM appeal a WHERE a.tracking_no LIKE $1 || '%'""", prefix);
        db.execute("""
                INSERT INTO sla_timer (clock_id, appeal_id, step, due_at)
                SELECT c.id, c.appeal_id, s.step, now() - s.ago
                FROM appeal_clock c JOIN appeal a ON a.id = c.appeal_id,
                    (VALUES ('WARNING', interval '3 hours'), ('OVERDUE', interval '2 hours'),
                            ('SUPERVISION', interval '1 hour')) AS s(step, ago)
                WHERE a.tracking_no LIKE $1 || '%'""", prefix);
        return new OverdueAppeals(db, prefix);
    }

    private OverdueAppeals(Database db, String prefix) {
        this.db = db;
        this.prefix = prefix;
    }

    long escalations() {
        return db.count("SELECT count(*) FROM escalation e JOIN appeal a ON a.id = e.appeal_id WHERE a.tracking_no LIKE $1 || '%'",
                prefix);
    }

    long pending() {
        return db.count("""
                SELECT count(*) FROM sla_timer t JOIN appeal a ON a.id = t.appeal_id
                WHERE a.tracking_no LIKE $1 || '%' AND t.fired_at IS NULL""", prefix);
    }

    /** Steps that fired more than once for one appeal. */
    long firedTwice() {
        return db.count("""
                SELECT count(*) FROM (SELECT e.appeal_id, e.step FROM escalation e JOIN appeal a ON a.id = e.appeal_id
                    WHERE a.tracking_no LIKE $1 || '%' GROUP BY 1, 2 HAVING count(*) > 1) dup""", prefix);
    }

    /** Appeals with all three steps in their chain, flagged for supervision. */
    long fullyEscalated() {
        return db.count("SELECT count(*) FROM appeal WHERE tracking_no LIKE $1 || '%' AND event_count = 3 AND supervised",
                prefix);
    }

    long notices() {
        return db.count("""
                SELECT count(*) FROM outbox o JOIN appeal a ON a.id = o.appeal_id
                WHERE a.tracking_no LIKE $1 || '%' AND o.event_type = 'SlaEscalated'""", prefix);
    }

    String trackingNo(int n) {
        return prefix + String.format("%07d", n);
    }

    /** Sweeps until a sweep fires nothing; returns how many steps fired. */
    static int sweepUntilQuiet(SlaSweeper sweeper) {
        int total = 0;
        int fired;
        do {
            fired = sweeper.sweep().await().atMost(PATIENCE);
            total += fired;
        } while (fired > 0);
        return total;
    }
}
