package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.Holding;

class AllowedFormsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final Set<String> HANDLING = Set.of("RESPOND", "HANDLE", "RETURN_WINDOW");

    private static AllowedForms commissioner(AppealStatus status, Holding holding) {
        return AllowedForms.of(status, holding, "me", false, NOW, HANDLING);
    }

    @Test
    void an_unheld_dispatched_appeal_may_be_claimed_accepted_transferred_or_returned_but_not_answered() {
        AllowedForms forms = commissioner(AppealStatus.DISPATCHED, new Holding(null, null));
        assertThat(forms.claim()).isTrue();
        assertThat(forms.accept()).isTrue();
        assertThat(forms.transfer()).isTrue();
        assertThat(forms.giveBack()).isTrue();
        assertThat(forms.reply()).isFalse();
        assertThat(forms.firstContact()).isFalse();
    }

    @Test
    void my_own_claim_is_not_claimed_again_but_may_be_signed_for() {
        AllowedForms forms = commissioner(AppealStatus.DISPATCHED, new Holding("me", NOW.plusSeconds(600)));
        assertThat(forms.claim()).isFalse();
        assertThat(forms.accept()).isTrue();
    }

    @Test
    void another_commissioners_live_claim_blocks_a_commissioner_but_not_the_unit_leader() {
        Holding theirs = new Holding("other", NOW.plusSeconds(600));
        assertThat(commissioner(AppealStatus.DISPATCHED, theirs).accept()).isFalse();
        assertThat(commissioner(AppealStatus.DISPATCHED, theirs).claim()).isFalse();
        assertThat(AllowedForms.of(AppealStatus.DISPATCHED, theirs, "leader", true, NOW, HANDLING).accept()).isTrue();
        // a lapsed claim is back in the pool
        assertThat(commissioner(AppealStatus.DISPATCHED, new Holding("other", NOW.minusSeconds(1))).claim()).isTrue();
    }

    @Test
    void a_signed_for_appeal_is_worked_by_its_holder_only() {
        assertThat(commissioner(AppealStatus.ACCEPTED, new Holding("me", null)).reply()).isTrue();
        assertThat(commissioner(AppealStatus.ACCEPTED, new Holding("me", null)).firstContact()).isTrue();
        assertThat(commissioner(AppealStatus.ACCEPTED, new Holding("other", null)).reply()).isFalse();
        assertThat(commissioner(AppealStatus.ACCEPTED, new Holding("other", null)).note()).isTrue();
        assertThat(commissioner(AppealStatus.HANDLING, new Holding("me", null)).giveBack()).isFalse();
    }

    @Test
    void an_extension_is_asked_for_the_running_clock_and_nothing_is_offered_once_closed() {
        assertThat(commissioner(AppealStatus.HANDLING, new Holding("me", null)).extensionClock()).isEqualTo("HANDLE");
        assertThat(AllowedForms.of(AppealStatus.REWORK, new Holding("me", null), "me", false, NOW, Set.of("REWORK"))
                .extensionClock()).isEqualTo("REWORK");
        assertThat(AllowedForms.of(AppealStatus.REPLIED, new Holding("me", null), "me", false, NOW, Set.of()).any()).isTrue();
        assertThat(AllowedForms.of(AppealStatus.CLOSED, new Holding("me", null), "me", false, NOW, Set.of()).any()).isFalse();
    }
}
