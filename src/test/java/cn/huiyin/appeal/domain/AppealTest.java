package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.Appeal.Allowed;
import cn.huiyin.appeal.domain.Appeal.Hidden;
import cn.huiyin.appeal.domain.Appeal.NotNow;
import cn.huiyin.shared.domain.Caller;

/** The rules the steps are made of: whose appeal it is, who holds it, what the lifecycle allows (steps: *StepsTest). */
class AppealTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final Caller ZHOU = new Caller("zhou", "commissioner", "TAX", null);
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
    void a_step_that_moves_nothing_needs_an_open_appeal() {
        assertThat(pool(AppealStatus.HANDLING).next(null)).isEqualTo(new Allowed(AppealStatus.HANDLING));
        assertThat(pool(AppealStatus.CLOSED).next(null))
                .isEqualTo(new NotNow("the appeal is CLOSED: nothing more can be done to it"));
        assertThat(pool(AppealStatus.MERGED).next(null)).isInstanceOf(NotNow.class);
    }

    @Test
    void an_appeal_awaits_its_answer_until_it_is_replied_merged_or_closed() {
        assertThat(java.util.Arrays.stream(AppealStatus.values()).filter(AppealStatus::awaitsAnswer))
                .containsExactly(AppealStatus.RECEIVED, AppealStatus.DISPATCHED, AppealStatus.ACCEPTED, AppealStatus.HANDLING,
                        AppealStatus.RETURNED, AppealStatus.REWORK);
    }
}
