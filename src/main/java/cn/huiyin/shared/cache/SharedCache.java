package cn.huiyin.shared.cache;

import java.util.Arrays;
import java.util.Optional;

/**
 * The per-replica caches of stored reference data that a change on one replica must reach on all, by the name a
 * {@code cache-changed} message carries. A name this replica does not know (sent by a newer one) is ignored.
 */
public enum SharedCache {
    /** The dispatch catalogue snapshot: categories, their units, unit names. */
    CATALOGUE("catalogue"),
    /** The routing classifier, trained from the labelled examples and the catalogue's names and keywords. */
    CLASSIFIER("classifier"),
    /** The work calendar (holidays and make-up workdays) in the deadline planner. */
    CALENDAR("calendar"),
    /** The clock-rule versions in the deadline planner. */
    CLOCK_RULES("clock-rules"),
    /** The published knowledge articles and their search index. */
    KNOWLEDGE("knowledge");

    private final String wireName;

    SharedCache(String wireName) {
        this.wireName = wireName;
    }

    /** As the message names it. */
    public String wireName() {
        return wireName;
    }

    public static Optional<SharedCache> named(String wireName) {
        return Arrays.stream(values()).filter(cache -> cache.wireName.equals(wireName)).findFirst();
    }
}
