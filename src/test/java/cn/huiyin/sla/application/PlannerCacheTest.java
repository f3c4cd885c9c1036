package cn.huiyin.sla.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockRules;
import cn.huiyin.sla.domain.ClockUnit;
import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.domain.WorkCalendar;
import io.smallrye.mutiny.Uni;

/**
 * A replica's planner follows what is stored: a version added anywhere is in use after the next check, without a
 * restart and without any message; while nothing changed, no rebuild.
 */
class PlannerCacheTest {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final WorkCalendar CALENDAR = new WorkCalendar(Set.of(), Set.of(), Set.of(),
            WorkCalendar.DEFAULT_OFFICE_HOURS, WorkCalendar.DEFAULT_ZONE);
    private static final LocalDate DAY = LocalDate.parse("2026-12-07");

    /** The database as the cache sees it: the rule rows, and whether reading the version fails. */
    private final List<ClockRule> stored = new ArrayList<>(List.of(rule(1, 1)));
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicReference<RuntimeException> versionFailure = new AtomicReference<>();
    private final AtomicLong now = new AtomicLong(1_000);

    private final Uni<String> version = Uni.createFrom().deferred(() -> versionFailure.get() != null
            ? Uni.createFrom().failure(versionFailure.get())
            : Uni.createFrom().item(String.valueOf(stored.size())));
    private final Uni<SlaPlanner> load = Uni.createFrom().item(() -> {
        builds.incrementAndGet();
        return new SlaPlanner(new ClockRules(List.copyOf(stored)), new DeadlineCalculator(CALENDAR));
    });

    private final PlannerCache cache = new PlannerCache(version, load, CHECK_EVERY, now::get);

    private static ClockRule rule(long id, int hours) {
        return new ClockRule(id, ClockKind.RESPOND, null, null, null, hours, ClockUnit.WORKING_HOURS, "依据 " + id, DAY);
    }

    private int respondHours() {
        return cache.get().await().indefinitely().rules().select(ClockKind.RESPOND, "HELP", "TAX_SERVICE", false, DAY)
                .orElseThrow().amount();
    }

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void a_version_added_on_another_replica_is_in_use_after_the_next_check() {
        assertThat(respondHours()).isEqualTo(1);
        stored.add(rule(2, 4)); // written by another replica

        pass(CHECK_EVERY);
        assertThat(respondHours()).isEqualTo(4);
        assertThat(builds).hasValue(2);
    }

    @Test
    void between_checks_and_while_nothing_changed_the_planner_is_not_rebuilt() {
        for (int i = 0; i < 5; i++) {
            pass(CHECK_EVERY);
            assertThat(respondHours()).isEqualTo(1);
        }
        assertThat(builds).hasValue(1);

        stored.add(rule(2, 4)); // just after a check
        pass(CHECK_EVERY.dividedBy(2));
        assertThat(respondHours()).as("within the period the replica keeps what it has").isEqualTo(1);
        pass(CHECK_EVERY.dividedBy(2));
        assertThat(respondHours()).isEqualTo(4);
    }

    @Test
    void when_the_version_cannot_be_read_the_planner_in_hand_is_kept_and_the_next_check_catches_up() {
        assertThat(respondHours()).isEqualTo(1);
        stored.add(rule(2, 4));
        versionFailure.set(new IllegalStateException("connection refused"));

        pass(CHECK_EVERY);
        assertThat(respondHours()).isEqualTo(1);

        versionFailure.set(null);
        pass(CHECK_EVERY);
        assertThat(respondHours()).isEqualTo(4);
    }

    @Test
    void a_clock_started_elsewhere_under_an_unseen_version_makes_the_replica_read_the_rules_at_once() {
        assertThat(respondHours()).isEqualTo(1);
        stored.add(rule(2, 4));

        SlaPlanner planner = cache.knowing(List.of(2L)).await().indefinitely();
        assertThat(planner.rules().byId(2)).isPresent();
        assertThat(cache.knowing(List.of(1L, 2L)).await().indefinitely().rules().rules()).hasSize(2);
        assertThat(builds).hasValue(2);
    }

    @Test
    void a_change_made_on_this_replica_is_in_use_at_once() {
        assertThat(respondHours()).isEqualTo(1);
        stored.add(rule(2, 4));
        cache.invalidate();
        assertThat(respondHours()).isEqualTo(4);
    }

    @Test
    void a_change_announced_by_another_replica_is_in_use_at_the_next_use_without_waiting_for_the_period() {
        assertThat(respondHours()).isEqualTo(1);
        stored.add(rule(2, 4)); // written by another replica, which announces it
        assertThat(respondHours()).as("not announced yet: the period still runs").isEqualTo(1);

        cache.recheckNow();
        assertThat(respondHours()).isEqualTo(4);
        assertThat(builds).hasValue(2);
    }
}
