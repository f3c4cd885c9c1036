package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.Appeal.Hidden;
import cn.huiyin.appeal.domain.Appeal.Invalid;
import cn.huiyin.appeal.domain.Appeal.NotNow;
import cn.huiyin.appeal.domain.Appeal.Taken;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.shared.domain.Caller;

/** The dispatch centre's steps: placing, arbitrating a return, co-handling and merging duplicates. */
class AppealDispatchStepsTest {

    private static final Caller DISPATCHER = new Caller("huang", "dispatcher", "DRC", null);
    private static final Caller ZHOU = new Caller("zhou", "commissioner", "TAX", null);
    private static final Caller TAX_LEADER = new Caller("li", "unit-leader", "TAX", null);
    private static final Caller SAMR_LEADER = new Caller("he", "unit-leader", "SAMR", null);

    private static Appeal appeal(AppealStatus status, String unit, String assignee) {
        return new Appeal(9, "2612070000021", status, unit, assignee, null);
    }

    @Test
    void a_dispatcher_places_a_received_appeal_in_the_units_pool() {
        Taken taken = (Taken) appeal(AppealStatus.RECEIVED, null, null).dispatch(DISPATCHER, "TAX", "TAX_POLICY");
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.DISPATCHED, "TAX", null));
        assertThat(taken.event()).isEqualTo(new AppealEvent.Dispatched("TAX", "TAX_POLICY", "DISPATCHER", null));
        assertThat(taken.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void only_a_dispatcher_places_and_only_what_waits_for_placing() {
        assertThat(appeal(AppealStatus.RECEIVED, null, null).dispatch(ZHOU, "TAX", "TAX_POLICY")).isInstanceOf(Hidden.class);
        assertThat(appeal(AppealStatus.RECEIVED, null, null).dispatch(TAX_LEADER, "TAX", "TAX_POLICY")).isInstanceOf(Hidden.class);
        assertThat(appeal(AppealStatus.ACCEPTED, "TAX", "zhou").dispatch(DISPATCHER, "SAMR", "LICENCE"))
                .isEqualTo(new NotNow("cannot DISPATCH an appeal that is ACCEPTED"));
    }

    @Test
    void a_refused_return_goes_back_to_the_unit_that_returned_it_held_by_nobody() {
        Taken taken = (Taken) appeal(AppealStatus.RETURNED, "TAX", null).refuseReturn(DISPATCHER, "属于税务职责");
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.DISPATCHED, "TAX", null));
        assertThat(taken.event()).isEqualTo(new AppealEvent.ReturnRefused());
        assertThat(taken.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(appeal(AppealStatus.HANDLING, "TAX", "zhou").refuseReturn(DISPATCHER, "x")).isInstanceOf(NotNow.class);
        assertThat(appeal(AppealStatus.RETURNED, "TAX", null).refuseReturn(ZHOU, "x")).isInstanceOf(Hidden.class);
    }

    @Test
    void an_accepted_return_is_redispatched_to_another_unit_never_to_the_one_that_returned_it() {
        Taken taken = (Taken) appeal(AppealStatus.RETURNED, "TAX", null).redispatch(DISPATCHER, "SAMR", "改派市场监管");
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.DISPATCHED, "SAMR", null));
        assertThat(taken.event()).isEqualTo(new AppealEvent.Redispatched("SAMR"));
        assertThat(appeal(AppealStatus.RETURNED, "TAX", null).redispatch(DISPATCHER, "TAX", "x"))
                .isEqualTo(new Invalid("toUnit", "The unit that returned it cannot get it back by re-dispatch; refuse the return instead"));
        assertThat(appeal(AppealStatus.DISPATCHED, "TAX", null).redispatch(DISPATCHER, "SAMR", "x"))
                .isEqualTo(new NotNow("cannot REDISPATCH an appeal that is DISPATCHED"));
    }

    @Test
    void a_helper_unit_is_added_by_a_dispatcher_or_the_lead_units_leader_only() {
        Appeal handling = appeal(AppealStatus.HANDLING, "TAX", "zhou");
        Taken taken = (Taken) handling.addHelper(DISPATCHER, "SAMR");
        assertThat(taken.after()).isEqualTo(handling);
        assertThat(taken.event()).isEqualTo(new AppealEvent.CoHandling("SAMR"));
        assertThat(handling.addHelper(TAX_LEADER, "SAMR")).isInstanceOf(Taken.class);
        assertThat(handling.addHelper(SAMR_LEADER, "SAMR")).isInstanceOf(Hidden.class);
        assertThat(handling.addHelper(ZHOU, "SAMR")).isInstanceOf(Hidden.class);
        assertThat(handling.addHelper(DISPATCHER, "TAX")).isEqualTo(new Invalid("unit", "The lead unit cannot also help"));
        assertThat(appeal(AppealStatus.CLOSED, "TAX", null).addHelper(DISPATCHER, "SAMR")).isInstanceOf(NotNow.class);
    }

    @Test
    void a_merged_duplicate_is_held_by_nobody_and_says_which_appeal_it_follows() {
        Taken taken = (Taken) appeal(AppealStatus.ACCEPTED, "TAX", "zhou").merge(DISPATCHER, "2612070000013");
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.MERGED, "TAX", null));
        assertThat(taken.event()).isEqualTo(new AppealEvent.Merged("2612070000013"));
        assertThat(appeal(AppealStatus.REPLIED, "TAX", "zhou").merge(DISPATCHER, "2612070000013")).isInstanceOf(NotNow.class);
        assertThat(appeal(AppealStatus.ACCEPTED, "TAX", "zhou").merge(TAX_LEADER, "2612070000013")).isInstanceOf(Hidden.class);
    }
}
