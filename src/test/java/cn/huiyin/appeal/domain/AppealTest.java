package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.Appeal.Allowed;
import cn.huiyin.appeal.domain.Appeal.Hidden;
import cn.huiyin.appeal.domain.Appeal.NotNow;
import cn.huiyin.shared.domain.Caller;

/** The rules of who may move an appeal how, every refusal and the order in which they are checked. */
class AppealTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final Caller ZHOU = new Caller("zhou", "commissioner", "TAX", null);
    private static final Caller WANG = new Caller("wang", "commissioner", "TAX", null);
    private static final Caller LEADER = new Caller("li", "unit-leader", "TAX", null);
    private static final Caller SAMR = new Caller("chen", "commissioner", "SAMR", null);
    private static final Caller DISPATCHER = new Caller("huang", "dispatcher", "DRC", null);
    private static final Caller ENTERPRISE = new Caller("ent", "enterprise", null, "91440106MA5CXK8R10");

    private static Appeal appeal(AppealStatus status, String assignee, Instant claimExpiresAt) {
        return new Appeal(1, "2612070000013", status, "TAX", assignee, claimExpiresAt);
    }

    private static Appeal pool(AppealStatus status) {
        return appeal(status, null, null);
    }

    @Test
    void only_the_units_commissioners_and_leaders_may_work_it() {
        assertThat(pool(AppealStatus.DISPATCHED).workableBy(ZHOU)).isEqualTo(new Allowed(AppealStatus.DISPATCHED));
        assertThat(pool(AppealStatus.DISPATCHED).workableBy(LEADER)).isInstanceOf(Allowed.class);
        assertThat(pool(AppealStatus.DISPATCHED).workableBy(SAMR)).isInstanceOf(Hidden.class);
        assertThat(pool(AppealStatus.DISPATCHED).workableBy(DISPATCHER)).isInstanceOf(Hidden.class);
        assertThat(pool(AppealStatus.DISPATCHED).workableBy(ENTERPRISE)).isInstanceOf(Hidden.class);
        assertThat(pool(AppealStatus.DISPATCHED).workableBy(Caller.anonymous())).isInstanceOf(Hidden.class);
        assertThat(new Appeal(1, "x", AppealStatus.RECEIVED, null, null, null).workableBy(ZHOU)).isInstanceOf(Hidden.class);
    }

    @Test
    void a_live_claim_or_a_signature_holds_it_and_a_lapsed_claim_does_not() {
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", NOW.plusSeconds(60)).heldByOtherThan("zhou", NOW)).isTrue();
        assertThat(appeal(AppealStatus.ACCEPTED, "wang", null).heldByOtherThan("zhou", NOW)).isTrue();
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", NOW.minusSeconds(1)).heldByOtherThan("zhou", NOW)).isFalse();
        assertThat(appeal(AppealStatus.DISPATCHED, "zhou", NOW.plusSeconds(60)).heldByOtherThan("zhou", NOW)).isFalse();
        assertThat(pool(AppealStatus.DISPATCHED).heldByOtherThan("zhou", NOW)).isFalse();
    }

    @Test
    void signing_for_it_leads_to_accepted_unless_another_commissioner_holds_it() {
        assertThat(pool(AppealStatus.DISPATCHED).acceptableBy(ZHOU, NOW)).isEqualTo(new Allowed(AppealStatus.ACCEPTED));
        assertThat(appeal(AppealStatus.DISPATCHED, "zhou", NOW.plusSeconds(60)).acceptableBy(ZHOU, NOW))
                .isEqualTo(new Allowed(AppealStatus.ACCEPTED));
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", NOW.plusSeconds(60)).acceptableBy(ZHOU, NOW))
                .isEqualTo(new NotNow("another commissioner holds this appeal"));
        // the leader may step in; a lapsed claim is free again
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", NOW.plusSeconds(60)).acceptableBy(LEADER, NOW))
                .isInstanceOf(Allowed.class);
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", NOW.minusSeconds(1)).acceptableBy(ZHOU, NOW))
                .isInstanceOf(Allowed.class);
        assertThat(pool(AppealStatus.REPLIED).acceptableBy(ZHOU, NOW))
                .isEqualTo(new NotNow("cannot ACCEPT an appeal that is REPLIED"));
        // scope first: another unit's commissioner learns nothing of the state
        assertThat(appeal(AppealStatus.REPLIED, "wang", null).acceptableBy(SAMR, NOW)).isInstanceOf(Hidden.class);
    }

    @Test
    void a_claim_is_only_on_a_dispatched_appeal_nobody_else_holds_and_moves_nothing() {
        assertThat(pool(AppealStatus.DISPATCHED).claimableBy(ZHOU, NOW)).isEqualTo(new Allowed(AppealStatus.DISPATCHED));
        assertThat(pool(AppealStatus.ACCEPTED).claimableBy(ZHOU, NOW))
                .isEqualTo(new NotNow("only an appeal that nobody has signed for can be claimed"));
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", NOW.plusSeconds(60)).claimableBy(ZHOU, NOW))
                .isEqualTo(new NotNow("another commissioner holds this appeal"));
        assertThat(pool(AppealStatus.DISPATCHED).claimableBy(SAMR, NOW)).isInstanceOf(Hidden.class);
    }

    @Test
    void the_holders_steps_are_refused_to_another_commissioner_but_not_to_the_leader() {
        Appeal held = appeal(AppealStatus.ACCEPTED, "wang", null);
        assertThat(held.workableAsHolderBy(WANG, AppealAction.FIRST_CONTACT)).isEqualTo(new Allowed(AppealStatus.HANDLING));
        assertThat(held.workableAsHolderBy(ZHOU, AppealAction.FIRST_CONTACT))
                .isEqualTo(new NotNow("another commissioner has signed for this appeal"));
        assertThat(held.workableAsHolderBy(LEADER, AppealAction.FIRST_CONTACT)).isInstanceOf(Allowed.class);
        // an appeal nobody holds may be worked by any commissioner of the unit
        assertThat(pool(AppealStatus.ACCEPTED).workableAsHolderBy(ZHOU, AppealAction.FIRST_CONTACT)).isInstanceOf(Allowed.class);
        assertThat(held.workableAsHolderBy(SAMR, AppealAction.FIRST_CONTACT)).isInstanceOf(Hidden.class);
    }

    @Test
    void the_holder_check_comes_before_the_lifecycle_and_the_lifecycle_says_where_the_step_leads() {
        Appeal replied = appeal(AppealStatus.REPLIED, "wang", null);
        assertThat(replied.workableAsHolderBy(ZHOU, AppealAction.REPLY))
                .isEqualTo(new NotNow("another commissioner has signed for this appeal"));
        assertThat(replied.workableAsHolderBy(WANG, AppealAction.REPLY))
                .isEqualTo(new NotNow("cannot REPLY an appeal that is REPLIED"));
        assertThat(appeal(AppealStatus.HANDLING, "wang", null).workableAsHolderBy(WANG, AppealAction.REPLY))
                .isEqualTo(new Allowed(AppealStatus.REPLIED));
    }

    @Test
    void a_step_that_moves_nothing_needs_an_open_appeal() {
        assertThat(pool(AppealStatus.HANDLING).next(null)).isEqualTo(new Allowed(AppealStatus.HANDLING));
        assertThat(pool(AppealStatus.CLOSED).next(null))
                .isEqualTo(new NotNow("the appeal is CLOSED: nothing more can be done to it"));
        assertThat(pool(AppealStatus.MERGED).next(null)).isInstanceOf(NotNow.class);
    }

    @Test
    void a_return_needs_the_window_open_and_the_holder_and_an_appeal_not_yet_handled() {
        Appeal held = appeal(AppealStatus.DISPATCHED, "wang", NOW.plusSeconds(60));
        assertThat(held.returnableBy(WANG, true)).isEqualTo(new Allowed(AppealStatus.RETURNED));
        assertThat(held.returnableBy(WANG, false))
                .isEqualTo(new NotNow("the return window has closed: the unit must handle the appeal or transfer it"));
        assertThat(appeal(AppealStatus.ACCEPTED, "wang", null).returnableBy(ZHOU, true))
                .isEqualTo(new NotNow("another commissioner has signed for this appeal"));
        assertThat(appeal(AppealStatus.HANDLING, "wang", null).returnableBy(WANG, true)).isInstanceOf(NotNow.class);
        // scope first, then the window, then the holder
        assertThat(held.returnableBy(SAMR, false)).isInstanceOf(Hidden.class);
        assertThat(appeal(AppealStatus.ACCEPTED, "wang", null).returnableBy(ZHOU, false).toString()).contains("window");
    }

    @Test
    void an_appeal_awaits_its_answer_until_it_is_replied_merged_or_closed() {
        assertThat(java.util.Arrays.stream(AppealStatus.values()).filter(AppealStatus::awaitsAnswer))
                .containsExactly(AppealStatus.RECEIVED, AppealStatus.DISPATCHED, AppealStatus.ACCEPTED, AppealStatus.HANDLING,
                        AppealStatus.RETURNED, AppealStatus.REWORK);
    }
}
