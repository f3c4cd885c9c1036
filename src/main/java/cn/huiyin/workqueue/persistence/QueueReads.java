package cn.huiyin.workqueue.persistence;

/**
 * The work queue's statements. Each part of a page is read from an index in cursor order and stops after the page,
 * so no statement sorts the unit's appeals, whatever the depth: the unit's open appeals by
 * {@code (handling_unit, due key, id)} (V20's {@code appeal_queue_idx}), its risks by
 * {@code (unit_code, miss_probability DESC, appeal_id)}, those without a risk by {@code (handling_unit, id)}, and the
 * appeals the unit helps with (协办) by their helper rows' copy of the same key ({@code appeal_helper_queue_idx}) or of the
 * appeal's risk (V23's {@code appeal_helper_risk_idx}, and {@code appeal_helper_no_risk_idx} for those without one). The parts of a page are merged, sorting at most a
 * few pages' worth of rows.
 * <p>
 * The due key is {@code coalesce(handle_due_at, 'infinity')}: appeals without a running handling clock sort last and
 * the cursor stays one row comparison the index answers. The open statuses are spelled as in the partial indexes'
 * predicates, which is how PostgreSQL knows the indexes apply. A risk counts when it was computed for the appeal's
 * current unit: one computed before a transfer was the old unit's, and the next refresh replaces it.
 * <p>
 * The service caches its prepared statements, and PostgreSQL then plans them once for any values (a generic plan):
 * each statement here has one index in cursor order for each part, so that plan is the good one whatever the cursor.
 */
final class QueueReads {

    private QueueReads() {
    }

    static final String OPEN = "a.status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'REWORK')";

    static final String DUE_KEY = "coalesce(a.handle_due_at, 'infinity'::timestamptz)";

    /** No risk of the appeal's unit; OFFSET 0 keeps it an index probe per row rather than a join over all risks. */
    static final String NO_RISK = "NOT EXISTS (SELECT 1 FROM appeal_risk r WHERE r.appeal_id = a.id "
            + "AND r.unit_code = a.handling_unit OFFSET 0)";

    /** $1 unit, $2 due after (null: past the deadlines), $3 id after, $4 page size. */
    static final String BY_DEADLINE = sql("""
            SELECT q.*, r.miss_probability FROM (
                (SELECT :item, 'LEAD' AS part FROM appeal a
                 WHERE a.handling_unit = $1 AND :open AND (:due, a.id) > (coalesce($2, 'infinity'::timestamptz), $3)
                 ORDER BY :due, a.id LIMIT $4)
                UNION ALL
                (SELECT :item, 'HELPER' AS part :helped
                 AND (:helper_due, h.appeal_id) > (coalesce($2, 'infinity'::timestamptz), $3)
                 ORDER BY :helper_due, h.appeal_id LIMIT $4)) q
            LEFT JOIN appeal_risk r ON r.appeal_id = q.id AND r.unit_code = q.handling_unit
            ORDER BY q.handle_due, q.id LIMIT $4""");

    /**
     * $1 unit, $2 risk after (2 on the first page), $3 id after, $4 page size: the rest of the cursor's risk, then the
     * lower risks — two index ranges, so a long run of equal risks is never skipped row by row.
     */
    static final String WITH_RISK = sql("""
            SELECT q.* FROM (
                (SELECT :item, 'LEAD' AS part, r.miss_probability FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
                 WHERE r.unit_code = $1 AND r.miss_probability = $2::numeric AND r.appeal_id > $3
                   AND a.handling_unit = $1 AND :open
                 ORDER BY r.appeal_id LIMIT $4)
                UNION ALL
                (SELECT :item, 'LEAD' AS part, r.miss_probability FROM appeal_risk r JOIN appeal a ON a.id = r.appeal_id
                 WHERE r.unit_code = $1 AND r.miss_probability < $2::numeric AND a.handling_unit = $1 AND :open
                 ORDER BY r.miss_probability DESC, r.appeal_id LIMIT $4)
                UNION ALL
                (SELECT :item, 'HELPER' AS part, h.breach_risk AS miss_probability :risk_helped
                   AND h.breach_risk = $2::numeric AND h.appeal_id > $3
                 ORDER BY h.appeal_id LIMIT $4)
                UNION ALL
                (SELECT :item, 'HELPER' AS part, h.breach_risk AS miss_probability :risk_helped
                   AND h.breach_risk < $2::numeric
                 ORDER BY h.breach_risk DESC, h.appeal_id LIMIT $4)) q
            ORDER BY q.miss_probability DESC, q.id LIMIT $4""");

    /** $1 unit, $2 id after, $3 page size: the appeals without a risk of their unit, by id. */
    static final String WITHOUT_RISK = sql("""
            SELECT q.*, NULL::numeric AS miss_probability FROM (
                (SELECT :item, 'LEAD' AS part FROM appeal a
                 WHERE a.handling_unit = $1 AND :open AND a.id > $2 AND :no_risk
                 ORDER BY a.id LIMIT $3)
                UNION ALL
                (SELECT :item, 'HELPER' AS part FROM appeal_helper_unit h JOIN appeal a ON a.id = h.appeal_id
                 WHERE h.unit_code = $1 AND h.appeal_open AND h.breach_risk IS NULL AND h.appeal_id > $2
                   AND a.handling_unit <> $1 AND :open
                 ORDER BY h.appeal_id LIMIT $3)) q
            ORDER BY q.id LIMIT $3""");

    private static String sql(String template) {
        return template
                .replace(":item", "a.id, a.tracking_no, a.title, a.status, a.appeal_type, a.urgent, a.supervised, "
                        + "a.received_at, a.assignee, a.handling_unit, :due AS handle_due")
                .replace(":helped", "FROM appeal_helper_unit h JOIN appeal a ON a.id = h.appeal_id "
                        + "WHERE h.unit_code = $1 AND h.appeal_open AND a.handling_unit <> $1 AND :open")
                .replace(":risk_helped", "FROM appeal_helper_unit h JOIN appeal a ON a.id = h.appeal_id "
                        + "WHERE h.unit_code = $1 AND h.appeal_open AND h.breach_risk IS NOT NULL AND a.handling_unit <> $1 AND :open")
                .replace(":helper_due", "coalesce(h.handle_due_at, 'infinity'::timestamptz)")
                .replace(":no_risk", NO_RISK).replace(":open", OPEN).replace(":due", DUE_KEY);
    }
}
