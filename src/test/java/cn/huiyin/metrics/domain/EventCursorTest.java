package cn.huiyin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventCursorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    void contiguous_ids_move_the_position_to_the_last() {
        EventCursor.Step step = EventCursor.step(10, List.of(11L, 12L, 13L), Map.of(), 500, 510, NOW, PATIENCE);
        assertThat(step.position()).isEqualTo(13);
        assertThat(step.newGaps()).isEmpty();
        assertThat(step.waiting()).isFalse();
    }

    @Test
    void a_new_gap_stops_the_position_before_it_and_is_remembered() {
        EventCursor.Step step = EventCursor.step(10, List.of(11L, 13L, 15L), Map.of(), 500, 510, NOW, PATIENCE);
        assertThat(step.position()).isEqualTo(11);
        assertThat(step.newGaps()).containsExactly(12L, 14L);
        assertThat(step.waiting()).isTrue();
    }

    @Test
    void a_gap_waits_while_a_transaction_of_its_time_may_still_run() {
        Map<Long, EventCursor.SeenGap> known = Map.of(12L, new EventCursor.SeenGap(510, NOW.minusSeconds(60)));
        assertThat(EventCursor.step(11, List.of(13L), known, 509, 520, NOW, PATIENCE).position()).isEqualTo(11);
    }

    @Test
    void a_gap_settles_once_the_horizon_passed_it_and_patience_ran_out() {
        Map<Long, EventCursor.SeenGap> known = Map.of(12L, new EventCursor.SeenGap(510, NOW.minusSeconds(60)));
        assertThat(EventCursor.step(11, List.of(13L), known, 510, 520, NOW, PATIENCE).position()).isEqualTo(13);
        Map<Long, EventCursor.SeenGap> fresh = Map.of(12L, new EventCursor.SeenGap(510, NOW.minusSeconds(1)));
        assertThat(EventCursor.step(11, List.of(13L), fresh, 510, 520, NOW, PATIENCE).position()).isEqualTo(11);
    }

    @Test
    void nothing_read_leaves_the_position() {
        assertThat(EventCursor.step(42, List.of(), Map.of(), 1, 2, NOW, PATIENCE).position()).isEqualTo(42);
    }
}
