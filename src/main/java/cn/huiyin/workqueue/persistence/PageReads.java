package cn.huiyin.workqueue.persistence;

import static cn.huiyin.workqueue.persistence.QueueReads.DUE_KEY;
import static cn.huiyin.workqueue.persistence.QueueReads.NO_RISK;
import static cn.huiyin.workqueue.persistence.QueueReads.OPEN;

/**
 * The commissioner page's statements, read in index order and paged on the same keysets as the API's queue
 * ({@link QueueReads}): what a commissioner holds by {@code (assignee, handling_unit, due key, id)}, the unit's pool by
 * V20's {@code appeal_pool_idx}, and claims whose lease has lapsed (few: the claim sweeper releases them) by their
 * expiry. Riskiest first walks the list's own risks in {@code (risk DESC, id)} order from the cursor, by V24's copy of
 * the holder on the risk rows (the holder's, or nobody's and claimed on a lease), as two index ranges
 * (the rest of the cursor's risk, then the lower ones); those without a risk follow by deadline, from the holder's or
 * the pool's index. Each statement starts after its cursor and stops after the page, so a page deep in a list costs
 * what the first one does, and each keeps one cached plan: the index to read does not depend on the values. They run
 * on connections where PostgreSQL keeps that plan (the "generic-plans" datasource): elsewhere it would plan the reads
 * by deadline for their values on every page, a plan for the values looking cheaper than the generic one.
 */
final class PageReads {

    private PageReads() {
    }

    /** $1 unit, $2 username, $3 now; then the cursor's key, its id and the list's length ($4, $5, $6). */
    private static final String HELD = "a.assignee = $2 AND a.handling_unit = $1 AND :open "
            + "AND (a.claim_expires_at IS NULL OR a.claim_expires_at > $3)";

    private static final int HELD_CURSOR = 4;

    /** $1 unit, $2 now; then the cursor's key, its id and the list's length ($3, $4, $5). */
    private static final int POOL_CURSOR = 3;

    /** After the cursor's due time (null: past the deadlines) and id. */
    private static final String AFTER_DUE = "(:due, a.id) > (coalesce(:cursor_key::timestamptz, 'infinity'::timestamptz), :cursor_id)";

    static final String HELD_BY_DEADLINE = sql(HELD_CURSOR, """
            SELECT :row, r.miss_probability FROM appeal a
            LEFT JOIN appeal_risk r ON r.appeal_id = a.id AND r.unit_code = a.handling_unit
            WHERE :held AND :after_due ORDER BY :due, a.id LIMIT :page_size""");

    static final String HELD_RISKIEST = sql(HELD_CURSOR, riskiest("r.assignee = $2", ":held"));

    static final String HELD_WITHOUT_RISK = sql(HELD_CURSOR, """
            SELECT :row, NULL::numeric AS miss_probability FROM appeal a
            WHERE :held AND :no_risk AND :after_due ORDER BY :due, a.id LIMIT :page_size""");

    /**
     * Nobody's, and claims whose lease has lapsed. The lapsed claims are found by their expiry and then sorted: few
     * (the claim sweeper releases them), but a cached statement's generic plan cannot know it and, guessing a third of
     * the claims, would walk the unit's queue in order looking for them; {@code OFFSET 0} keeps the ordering out of
     * that choice, so the generic plan is the one the values would get, and the statement needs no planning per page.
     */
    private static final String POOL = """
            (SELECT :row FROM appeal a WHERE a.handling_unit = $1 AND :open AND a.assignee IS NULL :extra AND :after_due
             ORDER BY :due, a.id LIMIT :page_size)
            UNION ALL
            (SELECT * FROM (SELECT :row FROM appeal a
                 WHERE a.claim_expires_at <= $2 AND a.status = 'DISPATCHED' AND a.assignee IS NOT NULL AND a.handling_unit = $1
                   :extra AND :after_due OFFSET 0) lapsed
             ORDER BY lapsed.handle_due, lapsed.id LIMIT :page_size)""";

    static final String POOL_BY_DEADLINE = sql(POOL_CURSOR, """
            SELECT q.*, r.miss_probability FROM (""" + POOL.replace(":extra", "") + """
            ) q LEFT JOIN appeal_risk r ON r.appeal_id = q.id AND r.unit_code = q.handling_unit
            ORDER BY q.handle_due, q.id LIMIT :page_size""");

    /** Nobody's, or claimed on a lease that has lapsed ($2 now), by the copy and then by the appeal. */
    static final String POOL_RISKIEST = sql(POOL_CURSOR, riskiest(
            "(r.assignee IS NULL OR r.claim_expires_at IS NOT NULL) AND (r.assignee IS NULL OR r.claim_expires_at <= $2)",
            "a.handling_unit = $1 AND :open AND (a.assignee IS NULL OR (a.status = 'DISPATCHED' AND a.claim_expires_at <= $2))"));

    static final String POOL_WITHOUT_RISK = sql(POOL_CURSOR, """
            SELECT q.*, NULL::numeric AS miss_probability FROM (""" + POOL.replace(":extra", "AND :no_risk") + """
            ) q ORDER BY q.handle_due, q.id LIMIT :page_size""");

    /**
     * The list's risks from the cursor ({@code :cursor_key} the risk, 2 on the first page), found by V24's copy of the
     * holder on the risk rows ({@code copied}, which names the index's rows) and checked on the appeal ({@code whose}).
     */
    private static String riskiest(String copied, String whose) {
        return """
                SELECT q.* FROM (
                    (SELECT :row, r.miss_probability FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
                     WHERE r.unit_code = $1 AND :copied AND r.miss_probability = :cursor_key::numeric
                       AND r.appeal_id > :cursor_id AND :whose
                     ORDER BY r.appeal_id LIMIT :page_size)
                    UNION ALL
                    (SELECT :row, r.miss_probability FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
                     WHERE r.unit_code = $1 AND :copied AND r.miss_probability < :cursor_key::numeric AND :whose
                     ORDER BY r.miss_probability DESC, r.appeal_id LIMIT :page_size)) q
                ORDER BY q.miss_probability DESC, q.id LIMIT :page_size""".replace(":copied", copied).replace(":whose", whose);
    }

    private static String sql(int firstCursorParameter, String template) {
        return template.replace(":after_due", AFTER_DUE).replace(":held", HELD)
                .replace(":row", "a.id, a.tracking_no, a.title, a.status, a.urgent, a.supervised, a.assignee, "
                        + "a.claim_expires_at, a.handle_due_at AS due_at, a.handling_unit, :due AS handle_due")
                .replace(":no_risk", NO_RISK).replace(":open", OPEN).replace(":due", DUE_KEY)
                .replace(":cursor_key", "$" + firstCursorParameter).replace(":cursor_id", "$" + (firstCursorParameter + 1))
                .replace(":page_size", "$" + (firstCursorParameter + 2));
    }
}
