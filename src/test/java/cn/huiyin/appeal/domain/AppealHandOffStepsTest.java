package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.Appeal.Hidden;
import cn.huiyin.appeal.domain.Appeal.Invalid;
import cn.huiyin.appeal.domain.Appeal.NotNow;
import cn.huiyin.appeal.domain.Appeal.Taken;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.shared.domain.Caller;

/** When an appeal is not (only) the unit's to answer: transfer (转办), return (退单), more time (延期). */
class AppealHandOffStepsTest {

    private static final Caller ZHOU = new Caller("zhou", "commissioner", "TAX", null);
    private static final Caller WANG = new Caller("wang", "commissioner", "TAX", null);
    private static final Caller LEADER = new Caller("li", "unit-leader", "TAX", null);
    private static final Caller SAMR = new Caller("chen", "commissioner", "SAMR", null);

    private static Appeal appeal(AppealStatus status, String assignee) {
        return new Appeal(7, "2612070000013", status, "TAX", assignee, null);
    }

    @Test
    void a_transfer_places_it_in_the_other_units_pool_to_be_signed_for_afresh() {
        Taken taken = (Taken) appeal(AppealStatus.HANDLING, "zhou").transfer(ZHOU, "SAMR", "营业执照问题");
        assertThat(taken.after()).isEqualTo(new Appeal(7, "2612070000013", AppealStatus.DISPATCHED, "SAMR", null, null));
        assertThat(taken.event()).isEqualTo(new AppealEvent.Transferred("SAMR"));
        assertThat(taken.text()).isEqualTo("营业执照问题");
        assertThat(taken.visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void a_transfer_is_refused_in_order_scope_then_the_same_unit_then_the_holder_then_the_lifecycle() {
        assertThat(appeal(AppealStatus.HANDLING, "zhou").transfer(SAMR, "TAX", "x")).isInstanceOf(Hidden.class);
        assertThat(appeal(AppealStatus.HANDLING, "wang").transfer(ZHOU, "TAX", "x"))
                .isEqualTo(new Invalid("toUnit", "The appeal is already with TAX"));
        assertThat(appeal(AppealStatus.HANDLING, "wang").transfer(ZHOU, "SAMR", "x"))
                .isEqualTo(new NotNow("another commissioner has signed for this appeal"));
        assertThat(appeal(AppealStatus.HANDLING, "wang").transfer(LEADER, "SAMR", "x")).isInstanceOf(Taken.class);
        assertThat(appeal(AppealStatus.REPLIED, "zhou").transfer(ZHOU, "SAMR", "x"))
                .isEqualTo(new NotNow("cannot TRANSFER an appeal that is REPLIED"));
    }

    @Test
    void a_return_goes_back_to_the_dispatch_centre_held_by_nobody_and_unseen_by_the_enterprise() {
        Taken taken = (Taken) appeal(AppealStatus.ACCEPTED, "zhou").giveBack(ZHOU, true, "不属于本单位职责");
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.RETURNED, null));
        assertThat(taken.event()).isEqualTo(new AppealEvent.Returned());
        assertThat(taken.visibility()).isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void a_return_needs_the_window_open_the_holder_and_an_appeal_not_yet_handled() {
        assertThat(appeal(AppealStatus.ACCEPTED, "zhou").giveBack(ZHOU, false, "x"))
                .isEqualTo(new NotNow("the return window has closed: the unit must handle the appeal or transfer it"));
        assertThat(appeal(AppealStatus.ACCEPTED, "wang").giveBack(ZHOU, true, "x"))
                .isEqualTo(new NotNow("another commissioner has signed for this appeal"));
        assertThat(appeal(AppealStatus.HANDLING, "zhou").giveBack(ZHOU, true, "x"))
                .isEqualTo(new NotNow("cannot RETURN an appeal that is HANDLING"));
        // scope first, then the window, then the holder
        assertThat(appeal(AppealStatus.ACCEPTED, "zhou").giveBack(SAMR, false, "x")).isInstanceOf(Hidden.class);
        assertThat(appeal(AppealStatus.ACCEPTED, "wang").giveBack(ZHOU, false, "x").toString()).contains("window");
    }

    @Test
    void an_extension_request_moves_nothing_and_stays_among_the_staff() {
        Appeal handling = appeal(AppealStatus.HANDLING, "zhou");
        Taken taken = (Taken) handling.requestExtension(ZHOU, "HANDLE", 3, true, "需现场核查");
        assertThat(taken.after()).isEqualTo(handling);
        assertThat(taken.event()).isEqualTo(new AppealEvent.ExtensionRequested("HANDLE", 3));
        assertThat(taken.visibility()).isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void an_extension_needs_the_clock_running_and_an_open_appeal_of_the_unit() {
        assertThat(appeal(AppealStatus.HANDLING, "zhou").requestExtension(ZHOU, "HANDLE", 3, false, "x"))
                .isEqualTo(new NotNow("no HANDLE clock is running"));
        assertThat(appeal(AppealStatus.CLOSED, "zhou").requestExtension(ZHOU, "HANDLE", 3, true, "x")).isInstanceOf(NotNow.class);
        assertThat(appeal(AppealStatus.HANDLING, "zhou").requestExtension(SAMR, "HANDLE", 3, false, "x")).isInstanceOf(Hidden.class);
        // any of the unit's staff may ask, not only the holder
        assertThat(appeal(AppealStatus.HANDLING, "zhou").requestExtension(WANG, "HANDLE", 3, true, "x")).isInstanceOf(Taken.class);
    }
}
