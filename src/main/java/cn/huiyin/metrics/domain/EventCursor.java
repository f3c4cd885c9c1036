package cn.huiyin.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides how far the projector's position may move. Event ids come from a sequence, so they are handed out in
 * order but can commit out of order: id 100 may become visible after id 101. The position therefore stops
 * before the first missing id until that id is settled: every transaction that was running when the gap was
 * first seen has ended (the database's oldest running transaction is past the newest one of that moment) and
 * some patience has passed. Then the id either appeared (and is read) or was rolled back (and never will be).
 * Events beyond a gap are still folded at once; folding is idempotent, so reading them again costs nothing.
 */
public final class EventCursor {

    /** A missing id as first seen: the transaction horizon (next transaction id) and the time then. */
    public record SeenGap(long seenXmax, Instant seenAt) {
    }

    /** Where the position may go, and which missing ids to remember. */
    public record Step(long position, List<Long> newGaps, boolean waiting) {
    }

    private EventCursor() {
    }

    /**
     * @param ids the ids read above {@code position}, ascending
     * @param xmin the oldest transaction still running now
     * @param xmax the next transaction id now
     */
    public static Step step(long position, List<Long> ids, Map<Long, SeenGap> knownGaps, long xmin, long xmax,
            Instant now, Duration patience) {
        long next = position;
        boolean blocked = false;
        List<Long> newGaps = new ArrayList<>();
        long expected = position + 1;
        for (long id : ids) {
            for (long missing = expected; missing < id; missing++) {
                SeenGap seen = knownGaps.get(missing);
                if (seen == null) {
                    newGaps.add(missing);
                    blocked = true;
                } else if (!settled(seen, xmin, now, patience)) {
                    blocked = true;
                }
                if (!blocked) {
                    next = missing;
                }
            }
            if (!blocked) {
                next = id;
            }
            expected = id + 1;
        }
        return new Step(next, newGaps, blocked);
    }

    static boolean settled(SeenGap gap, long xmin, Instant now, Duration patience) {
        return xmin >= gap.seenXmax() && !gap.seenAt().plus(patience).isAfter(now);
    }
}
