package cn.huiyin.metrics.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import cn.huiyin.metrics.domain.CoveringCells;
import cn.huiyin.metrics.domain.RollupSpan;

/**
 * The one statement that reads a question's rollups as its {@link RollupSpan} says, each row tagged with its
 * {@link CoveringCells.Part}. Plain Java (no driver types), so that the benchmark runs the very same statement.
 */
public final class CoveringRead {

    /** The read's unit, street and category ($7–$9; null: any), the same on each of its parts. */
    private static final String CELL_FILTER = " AND ($7::text IS NULL OR unit_code = $7)"
            + " AND ($8::text IS NULL OR street_code = $8) AND ($9::text IS NULL OR category = $9)\n";

    private static final String COLUMNS = "unit_code, street_code, category, counts, custody_minutes, custody_appeals";

    /**
     * $1–$2 the days read one by one (with daily counts: the whole period, a day inside the months counts only),
     * $3–$4 the days after the months, $5–$6 the months, $10–$11 and $12–$13 the days cut from the first and the last
     * month.
     */
    public static final String SQL = "SELECT CASE WHEN day BETWEEN $5 AND $6 THEN 'DAY_COUNTS' ELSE 'DAY' END AS part, day, "
            + COLUMNS + """
            ,
                CASE WHEN day BETWEEN $5 AND $6 THEN NULL ELSE response_hist END AS response_hist,
                CASE WHEN day BETWEEN $5 AND $6 THEN NULL ELSE handling_hist END AS handling_hist
            FROM metrics_daily
            WHERE day BETWEEN $1 AND $2""" + CELL_FILTER
            + "UNION ALL SELECT 'DAY', day, " + COLUMNS + ", response_hist, handling_hist FROM metrics_daily\n"
            + "WHERE day BETWEEN $3 AND $4" + CELL_FILTER
            + "UNION ALL SELECT 'MONTH', month, " + COLUMNS + ", response_hist, handling_hist FROM metrics_monthly\n"
            + "WHERE month BETWEEN $5 AND $6" + CELL_FILTER
            + "UNION ALL SELECT 'CUT', day, " + COLUMNS + ", response_hist, handling_hist FROM metrics_daily\n"
            + "WHERE day BETWEEN $10 AND $11" + CELL_FILTER
            + "UNION ALL SELECT 'CUT', day, " + COLUMNS + ", response_hist, handling_hist FROM metrics_daily\n"
            + "WHERE day BETWEEN $12 AND $13" + CELL_FILTER;

    private CoveringRead() {
    }

    /** The statement's parameters $1–$13 for the period [from, to] read as {@code span}. */
    public static List<Object> parameters(RollupSpan span, LocalDate from, LocalDate to, boolean dailyCounts, String unit,
            String street, String category) {
        boolean oneByOne = !span.hasMonths() || dailyCounts;
        return Arrays.asList(oneByOne ? from : span.headFrom(), oneByOne ? to : span.headTo(),
                oneByOne ? null : span.tailFrom(), oneByOne ? null : span.tailTo(), span.firstMonth(), span.monthsEnd(),
                unit, street, category, span.cutBeforeFrom(), span.cutBeforeTo(), span.cutAfterFrom(),
                span.cutAfterTo());
    }
}
