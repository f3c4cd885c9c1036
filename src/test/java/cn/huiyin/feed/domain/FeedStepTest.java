package cn.huiyin.feed.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.domain.EventCursor.SeenGap;

class FeedStepTest {

    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(5);

    static FeedEvent event(long id, boolean internal) {
        return new FeedEvent(id, 7, "2612070000017", (int) id, internal ? "NOTE" : "DISPATCHED", internal, NOW, "system",
                null, "{}");
    }

    @Test
    void publishes_every_event_read_when_there_is_no_gap() {
        FeedStep step = FeedStep.plan(10, List.of(event(11, false), event(12, true), event(13, false)), Map.of(),
                100, 101, NOW, PATIENCE, true);
        assertThat(step.toPublish()).extracting(FeedEvent::id).containsExactly(11L, 12L, 13L);
        assertThat(step.position()).isEqualTo(13);
    }

    @Test
    void internal_events_are_passed_over_but_the_cursor_moves_past_them() {
        FeedStep step = FeedStep.plan(10, List.of(event(11, false), event(12, true), event(13, false)), Map.of(),
                100, 101, NOW, PATIENCE, false);
        assertThat(step.toPublish()).extracting(FeedEvent::id).containsExactly(11L, 13L);
        assertThat(step.position()).isEqualTo(13);
    }

    @Test
    void stops_before_a_missing_id_seen_for_the_first_time_and_remembers_it() {
        FeedStep step = FeedStep.plan(10, List.of(event(11, false), event(13, false)), Map.of(), 100, 101, NOW,
                PATIENCE, true);
        assertThat(step.toPublish()).extracting(FeedEvent::id).containsExactly(11L);
        assertThat(step.position()).isEqualTo(11);
        assertThat(step.newGaps()).containsExactly(12L);
        assertThat(step.waiting()).isTrue();
    }

    @Test
    void waits_while_a_transaction_that_may_hold_the_missing_id_still_runs() {
        Map<Long, SeenGap> seen = Map.of(12L, new SeenGap(101, NOW.minusSeconds(60)));
        FeedStep step = FeedStep.plan(11, List.of(event(13, false)), seen, 100, 105, NOW, PATIENCE, true);
        assertThat(step.toPublish()).isEmpty();
        assertThat(step.position()).isEqualTo(11);
    }

    @Test
    void moves_past_a_rolled_back_id_once_settled_and_patience_has_passed() {
        Map<Long, SeenGap> seen = Map.of(12L, new SeenGap(101, NOW.minusSeconds(6)));
        FeedStep step = FeedStep.plan(11, List.of(event(13, false)), seen, 102, 105, NOW, PATIENCE, true);
        assertThat(step.toPublish()).extracting(FeedEvent::id).containsExactly(13L);
        assertThat(step.position()).isEqualTo(13);
    }

    @Test
    void cloud_event_types_map_both_ways() {
        assertThat(CloudEventTypes.of("SLA_WARNING")).isEqualTo("cn.huiyin.appeal.sla_warning");
        assertThat(CloudEventTypes.storedType("cn.huiyin.appeal.awaiting_dispatch")).isEqualTo("AWAITING_DISPATCH");
    }
}
