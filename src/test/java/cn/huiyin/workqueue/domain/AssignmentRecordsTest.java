package cn.huiyin.workqueue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.LapsedClaim;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;

/** What automatic assignment leaves in an appeal's timeline. */
class AssignmentRecordsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:30:00Z");
    private static final Instant LEASE_END = Instant.parse("2026-12-07T03:30:00Z");

    @Test
    void an_assignment_says_who_why_and_until_when_for_the_staff_only() {
        NewEvent assigned = AssignmentRecords.assigned("zhou", "KEY_ENTERPRISE", LEASE_END, NOW);

        assertThat(assigned).isEqualTo(NewEvent.of(new AppealEvent.Assigned("zhou", "KEY_ENTERPRISE", "2026-12-07T03:30:00Z"),
                "system:assignment", NOW, null, Visibility.INTERNAL));
        assertThat(assigned.type()).isEqualTo("ASSIGNED");
        assertThat(assigned.payloadJson()).contains("KEY_ENTERPRISE").contains("2026-12-07T03:30:00Z");
    }

    @Test
    void every_lapsed_claim_gets_one_internal_event_naming_whose_claim_lapsed_and_why() {
        Map<Long, List<NewEvent>> expired = AssignmentRecords.expired(List.of(
                new LapsedClaim(7, "zhou", "TAX", "2612070000013", "DISPATCHED"),
                new LapsedClaim(9, "wang", "SAMR", "2612070000021", "DISPATCHED")), NOW);

        assertThat(expired).containsOnlyKeys(7L, 9L);
        assertThat(expired.get(7L)).containsExactly(NewEvent.of(new AppealEvent.ClaimExpired("zhou"), "system:assignment", NOW,
                "not signed for in time", Visibility.INTERNAL));
        assertThat(expired.get(9L)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("CLAIM_EXPIRED");
            assertThat(event.payloadJson()).contains("wang");
        });
    }

    @Test
    void a_sweep_that_found_nothing_writes_nothing() {
        assertThat(AssignmentRecords.expired(List.of(), NOW)).isEmpty();
    }
}
