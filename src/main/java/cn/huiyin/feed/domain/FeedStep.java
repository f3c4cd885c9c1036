package cn.huiyin.feed.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.metrics.domain.EventCursor;

/**
 * What one poll publishes and how far the cursor moves. Event ids are handed out in order but may commit out of
 * order, so the feed never moves past a missing id until it is settled ({@link EventCursor}, the rule the metrics
 * projector follows): publishing only up to the first unsettled gap keeps every appeal's events in id order, and an
 * appeal's events are written one transaction after the other (the appeal's row is locked), so id order is their
 * order. Internal events are passed over, not published, unless the feed includes them.
 */
public record FeedStep(long position, List<FeedEvent> toPublish, List<Long> newGaps, boolean waiting) {

    /**
     * @param read the events read above {@code position}, ascending by id
     * @param xmin the oldest transaction still running now; {@code xmax} the next transaction id now
     */
    public static FeedStep plan(long position, List<FeedEvent> read, Map<Long, EventCursor.SeenGap> knownGaps,
            long xmin, long xmax, Instant now, Duration patience, boolean includeInternal) {
        EventCursor.Step step = EventCursor.step(position, read.stream().map(FeedEvent::id).toList(), knownGaps,
                xmin, xmax, now, patience);
        List<FeedEvent> publish = read.stream()
                .filter(e -> e.id() <= step.position())
                .filter(e -> includeInternal || !e.internal())
                .toList();
        return new FeedStep(step.position(), publish, step.newGaps(), step.waiting());
    }
}
