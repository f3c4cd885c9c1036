package cn.huiyin.metrics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the rows of one read ({@link RollupSpan}) into cells that cover the period once: a day's cell keyed by its
 * day, a month's by its first day, less the days the period does not reach (cut rows). With daily counts, also every
 * received day's counts (no histograms) for the daily trend. Rows may come in any order.
 */
public final class CoveringCells {

    /** What a row is to the read. */
    public enum Part {
        /** A day in the period: its cell, and its counts for the daily trend. */
        DAY,
        /** A day in the period already covered by a month row: its counts only, for the daily trend. */
        DAY_COUNTS,
        /** A month, keyed by its first day. */
        MONTH,
        /** A day of a month read whole but outside the period: subtracted from its month. */
        CUT
    }

    private final Map<CellKey, Rollup> cells = new HashMap<>();
    private final Map<LocalDate, Rollup> days = new TreeMap<>();
    private final List<Map.Entry<CellKey, Rollup>> cuts = new ArrayList<>();
    private final boolean dailyCounts;
    private int rows;

    public CoveringCells(boolean dailyCounts) {
        this.dailyCounts = dailyCounts;
    }

    /** Adds one row; {@code response} and {@code handling} are the stored histograms (unread for DAY_COUNTS). */
    public void add(Part part, CellKey cell, Map<Count, Long> counts, long custodyMinutes, long custodyAppeals,
            byte[] response, byte[] handling) {
        rows++;
        if (part == Part.DAY_COUNTS) {
            dayCounts(cell.day(), Rollup.countsOnly(counts, custodyMinutes, custodyAppeals));
            return;
        }
        Rollup rollup = Rollup.stored(counts, custodyMinutes, custodyAppeals, response, handling);
        switch (part) {
            case CUT -> cuts.add(Map.entry(cell, rollup));
            case MONTH -> cells.put(cell, rollup);
            default -> {
                cells.put(cell, rollup);
                if (dailyCounts) {
                    dayCounts(cell.day(), Rollup.countsOnly(counts, custodyMinutes, custodyAppeals));
                }
            }
        }
    }

    /** The rows added so far. */
    public int rows() {
        return rows;
    }

    /** The cells, each month less its cut days; a month with nothing left is no cell, as its days would be none. */
    public Map<CellKey, Rollup> cells() {
        for (Map.Entry<CellKey, Rollup> cut : cuts) {
            CellKey day = cut.getKey();
            CellKey month = new CellKey(day.day().withDayOfMonth(1), day.unit(), day.street(), day.category());
            Rollup rollup = cells.get(month);
            if (rollup == null) {
                throw new IllegalStateException("a daily row without its month row: " + day);
            }
            rollup.subtract(cut.getValue());
        }
        if (!cuts.isEmpty()) {
            cells.values().removeIf(Rollup::isEmpty);
        }
        cuts.clear();
        return cells;
    }

    /** Counts per received day (empty unless daily counts were asked for). */
    public Map<LocalDate, Rollup> days() {
        return dailyCounts ? days : Collections.emptyMap();
    }

    private void dayCounts(LocalDate day, Rollup counts) {
        days.computeIfAbsent(day, d -> new Rollup()).merge(counts);
    }
}
