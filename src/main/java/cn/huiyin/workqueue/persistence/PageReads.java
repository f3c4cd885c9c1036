package cn.huiyin.workqueue.persistence;

import static cn.huiyin.workqueue.persistence.QueueReads.DUE_KEY;
import static cn.huiyin.workqueue.persistence.QueueReads.NO_RISK;
import static cn.huiyin.workqueue.persistence.QueueReads.OPEN;

/**
 * The commissioner page's statements, read in index order as the API's queue is ({@link QueueReads}): what a
 * commissioner holds by {@code (assignee, handling_unit, due key, id)}, the unit's pool by V20's
 * {@code appeal_pool_idx}, and claims whose lease has lapsed (few: the claim sweeper releases them) by their expiry.
 * Riskiest first walks the unit's risks in order, or sorts a holder's few; those without a risk follow by deadline in
 * a second read, only when the first does not fill the list. Which statements are planned for their values is
 * {@link WorkQueuePageRepository}'s choice.
 */
final class PageReads {

    private PageReads() {
    }

    /** $1 unit, $2 username, $3 now, $4 length. */
    private static final String HELD = "a.assignee = $2 AND a.handling_unit = $1 AND :open "
            + "AND (a.claim_expires_at IS NULL OR a.claim_expires_at > $3)";

    static final String HELD_BY_DEADLINE = sql("""
            SELECT :row, r.miss_probability FROM appeal a
            LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
            WHERE :held ORDER BY :due, a.id LIMIT $4""");

    static final String HELD_RISKIEST = sql("""
            SELECT :row, r.miss_probability FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
            WHERE r.unit_code = $1 AND :held ORDER BY r.miss_probability DESC, :due, a.id LIMIT $4""");

    static final String HELD_WITHOUT_RISK = sql("""
            SELECT :row, NULL::numeric AS miss_probability FROM appeal a
            WHERE :held AND :no_risk ORDER BY :due, a.id LIMIT $4""");

    /** $1 unit, $2 now, $3 length: nobody's, and claims whose lease has lapsed. */
    private static final String POOL = """
            (SELECT :row FROM appeal a WHERE a.handling_unit = $1 AND :open AND a.assignee IS NULL :extra
             ORDER BY :due, a.id LIMIT $3)
            UNION ALL
            (SELECT :row FROM appeal a
             WHERE a.claim_expires_at <= $2 AND a.status = 'DISPATCHED' AND a.assignee IS NOT NULL AND a.handling_unit = $1 :extra
             ORDER BY :due, a.id LIMIT $3)""";

    static final String POOL_BY_DEADLINE = sql("""
            SELECT q.*, r.miss_probability FROM (""" + POOL.replace(":extra", "") + """
            ) q LEFT JOIN appeal_risk r ON r.appeal_id = q.id AND r.unit_code = q.handling_unit
            ORDER BY q.handle_due, q.id LIMIT $3""");

    static final String POOL_RISKIEST = sql("""
            SELECT :row, r.miss_probability FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
            WHERE r.unit_code = $1 AND a.handling_unit = $1 AND :open
              AND (a.assignee IS NULL OR (a.status = 'DISPATCHED' AND a.claim_expires_at <= $2))
            ORDER BY r.miss_probability DESC, :due, a.id LIMIT $3""");

    static final String POOL_WITHOUT_RISK = sql("""
            SELECT q.*, NULL::numeric AS miss_probability FROM (""" + POOL.replace(":extra", "AND :no_risk") + """
            ) q ORDER BY q.handle_due, q.id LIMIT $3""");

    private static String sql(String template) {
        return template.replace(":held", HELD)
                .replace(":row", "a.id, a.tracking_no, a.title, a.status, a.urgent, a.supervised, a.assignee, "
                        + "a.claim_expires_at, a.handle_due_at AS due_at, a.handling_unit, :due AS handle_due")
                .replace(":no_risk", NO_RISK).replace(":open", OPEN).replace(":due", DUE_KEY);
    }
}
