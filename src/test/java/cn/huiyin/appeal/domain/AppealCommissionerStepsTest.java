package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.Appeal.Hidden;
import cn.huiyin.appeal.domain.Appeal.NotNow;
import cn.huiyin.appeal.domain.Appeal.Taken;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.shared.domain.Caller;

/** A commissioner's day on an appeal, decided by the appeal itself: what each step leaves behind, and every refusal. */
class AppealCommissionerStepsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(1800);
    private static final Caller ZHOU = new Caller("zhou", "commissioner", "TAX", null);
    private static final Caller WANG = new Caller("wang", "commissioner", "TAX", null);
    private static final Caller LEADER = new Caller("li", "unit-leader", "TAX", null);
    private static final Caller SAMR = new Caller("chen", "commissioner", "SAMR", null);

    private static Appeal appeal(AppealStatus status, String assignee, Instant claimExpiresAt) {
        return new Appeal(7, "2612070000013", status, "TAX", assignee, claimExpiresAt);
    }

    private static Appeal pool(AppealStatus status) {
        return appeal(status, null, null);
    }

    @Test
    void signing_for_it_makes_it_the_callers_for_good_and_tells_the_enterprise() {
        Taken taken = (Taken) appeal(AppealStatus.DISPATCHED, "zhou", LATER).accept(ZHOU, NOW);
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.ACCEPTED, "zhou", null));
        assertThat(taken.event()).isEqualTo(new AppealEvent.Accepted("zhou"));
        assertThat(taken.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void signing_for_it_is_refused_over_another_commissioners_live_hold_but_not_to_the_leader() {
        Appeal claimedByWang = appeal(AppealStatus.DISPATCHED, "wang", LATER);
        assertThat(claimedByWang.accept(ZHOU, NOW)).isEqualTo(new NotNow("another commissioner holds this appeal"));
        assertThat(((Taken) claimedByWang.accept(LEADER, NOW)).after().assignee()).isEqualTo("li");
        // a lapsed claim is free again
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", NOW.minusSeconds(1)).accept(ZHOU, NOW)).isInstanceOf(Taken.class);
        assertThat(pool(AppealStatus.REPLIED).accept(ZHOU, NOW)).isEqualTo(new NotNow("cannot ACCEPT an appeal that is REPLIED"));
        // scope first: another unit's commissioner learns nothing of the state
        assertThat(appeal(AppealStatus.REPLIED, "wang", null).accept(SAMR, NOW)).isInstanceOf(Hidden.class);
    }

    @Test
    void a_claim_holds_it_on_a_lease_without_moving_it_and_stays_among_the_staff() {
        Taken taken = (Taken) pool(AppealStatus.DISPATCHED).claim(ZHOU, NOW, LATER);
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.DISPATCHED, "zhou", LATER));
        assertThat(taken.event()).isEqualTo(new AppealEvent.Assigned("zhou", "CLAIMED", null));
        assertThat(taken.visibility()).isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void a_claim_is_refused_once_signed_for_over_a_live_hold_and_outside_the_unit() {
        assertThat(pool(AppealStatus.ACCEPTED).claim(ZHOU, NOW, LATER))
                .isEqualTo(new NotNow("only an appeal that nobody has signed for can be claimed"));
        assertThat(appeal(AppealStatus.DISPATCHED, "wang", LATER).claim(ZHOU, NOW, LATER))
                .isEqualTo(new NotNow("another commissioner holds this appeal"));
        assertThat(pool(AppealStatus.DISPATCHED).claim(SAMR, NOW, LATER)).isInstanceOf(Hidden.class);
    }

    @Test
    void the_first_contact_starts_handling_with_the_note_in_the_enterprises_timeline() {
        Taken taken = (Taken) appeal(AppealStatus.ACCEPTED, "zhou", null).firstContact(ZHOU, "电话联系了财务负责人");
        assertThat(taken.after().status()).isEqualTo(AppealStatus.HANDLING);
        assertThat(taken.after().assignee()).isEqualTo("zhou");
        assertThat(taken.event()).isEqualTo(new AppealEvent.FirstContact());
        assertThat(taken.text()).isEqualTo("电话联系了财务负责人");
        assertThat(taken.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void the_holders_steps_are_refused_to_another_commissioner_but_not_to_the_leader() {
        Appeal heldByWang = appeal(AppealStatus.ACCEPTED, "wang", null);
        assertThat(heldByWang.firstContact(ZHOU, "note")).isEqualTo(new NotNow("another commissioner has signed for this appeal"));
        assertThat(heldByWang.firstContact(LEADER, "note")).isInstanceOf(Taken.class);
        assertThat(heldByWang.firstContact(SAMR, "note")).isInstanceOf(Hidden.class);
        // an appeal nobody holds may be worked by any commissioner of the unit
        assertThat(pool(AppealStatus.ACCEPTED).firstContact(ZHOU, "note")).isInstanceOf(Taken.class);
    }

    @Test
    void a_reply_answers_it_and_keeps_the_event_the_enterprise_reads() {
        Taken taken = (Taken) appeal(AppealStatus.HANDLING, "zhou", null).reply(ZHOU, "已为您办理完毕");
        assertThat(taken.after().status()).isEqualTo(AppealStatus.REPLIED);
        assertThat(taken.event()).isEqualTo(new AppealEvent.Replied("已为您办理完毕"));
        assertThat(taken.visibility()).isEqualTo(Visibility.PUBLIC);
        // rework is answered the same way
        assertThat(((Taken) appeal(AppealStatus.REWORK, "zhou", null).reply(ZHOU, "再次答复")).after().status())
                .isEqualTo(AppealStatus.REPLIED);
    }

    @Test
    void the_holder_check_comes_before_the_lifecycle() {
        Appeal replied = appeal(AppealStatus.REPLIED, "wang", null);
        assertThat(replied.reply(ZHOU, "x")).isEqualTo(new NotNow("another commissioner has signed for this appeal"));
        assertThat(replied.reply(WANG, "x")).isEqualTo(new NotNow("cannot REPLY an appeal that is REPLIED"));
        assertThat(pool(AppealStatus.DISPATCHED).reply(ZHOU, "x")).isEqualTo(new NotNow("cannot REPLY an appeal that is DISPATCHED"));
    }

    @Test
    void a_note_moves_nothing_and_is_public_or_internal_as_asked() {
        Appeal handling = appeal(AppealStatus.HANDLING, "wang", null);
        Taken internal = (Taken) handling.note(ZHOU, "内部备注", false, false);
        assertThat(internal.after()).isEqualTo(handling);
        assertThat(internal.event()).isEqualTo(new AppealEvent.Note(false));
        assertThat(internal.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(((Taken) handling.note(ZHOU, "进展", true, false)).visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void a_helping_units_staff_may_write_notes_and_nobody_may_on_a_closed_appeal() {
        Appeal handling = appeal(AppealStatus.HANDLING, "wang", null);
        assertThat(handling.note(SAMR, "协办意见", true, false)).isInstanceOf(Hidden.class);
        assertThat(handling.note(SAMR, "协办意见", true, true)).isInstanceOf(Taken.class);
        // helping is for unit staff: a dispatcher's word that "their unit helps" does not count
        assertThat(handling.note(new Caller("huang", "dispatcher", "SAMR", null), "x", true, true)).isInstanceOf(Hidden.class);
        assertThat(pool(AppealStatus.CLOSED).note(ZHOU, "x", false, false))
                .isEqualTo(new NotNow("the appeal is CLOSED: nothing more can be done to it"));
    }
}
