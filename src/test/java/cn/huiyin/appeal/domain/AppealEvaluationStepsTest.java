package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.Appeal.Happened;
import cn.huiyin.appeal.domain.Appeal.NotNow;
import cn.huiyin.appeal.domain.Appeal.Taken;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;

/** The enterprise's verdict on an answer (好差评) and the return visit (回访), as the appeal decides them. */
class AppealEvaluationStepsTest {

    private static final String SYSTEM = "system:evaluation";
    private static final AppealEvent.Rated GOOD = new AppealEvent.Rated(1, 5, true, false, true, null, "非常满意");
    private static final AppealEvent.Rated BAD = new AppealEvent.Rated(1, 2, false, false, false, "没有解决", "不满意");
    private static final AppealEvent.ReturnVisited REACHED = new AppealEvent.ReturnVisited(1, "REACHED", true, 4, false,
            false, "已回访");

    private static Appeal appeal(AppealStatus status) {
        return new Appeal(5, "2612070000013", status, "TAX", "zhou", null);
    }

    @Test
    void a_good_rating_with_no_visit_due_evaluates_and_archives_the_appeal_at_once() {
        Taken taken = (Taken) appeal(AppealStatus.REPLIED).rate(GOOD, false, SYSTEM);
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.CLOSED));
        assertThat(taken.happened()).containsExactly(new Happened(GOOD, null, Visibility.PUBLIC, null),
                new Happened(new AppealEvent.Closed(), null, Visibility.PUBLIC, SYSTEM));
    }

    @Test
    void a_good_rating_waits_evaluated_while_a_return_visit_is_due() {
        Taken taken = (Taken) appeal(AppealStatus.REPLIED).rate(GOOD, true, SYSTEM);
        assertThat(taken.after().status()).isEqualTo(AppealStatus.EVALUATED);
        assertThat(taken.happened()).extracting(Happened::event).containsExactly(GOOD);
    }

    @Test
    void a_bad_rating_opens_rework_by_the_systems_hand_and_keeps_the_holder() {
        Taken taken = (Taken) appeal(AppealStatus.REPLIED).rate(BAD, true, SYSTEM);
        assertThat(taken.after()).isEqualTo(appeal(AppealStatus.REWORK));
        assertThat(taken.happened()).containsExactly(new Happened(BAD, null, Visibility.PUBLIC, null),
                new Happened(new AppealEvent.ReworkOpened(1), null, Visibility.PUBLIC, SYSTEM));
        // whether a visit is due does not matter: rework is not archived
        assertThat(((Taken) appeal(AppealStatus.REPLIED).rate(BAD, false, SYSTEM)).after().status())
                .isEqualTo(AppealStatus.REWORK);
    }

    @Test
    void only_an_answered_appeal_can_be_rated() {
        assertThat(appeal(AppealStatus.HANDLING).rate(GOOD, false, SYSTEM))
                .isEqualTo(new NotNow("cannot RATE_GOOD an appeal that is HANDLING"));
        assertThat(appeal(AppealStatus.REWORK).rate(BAD, false, SYSTEM)).isInstanceOf(NotNow.class);
        assertThat(appeal(AppealStatus.CLOSED).rate(GOOD, false, SYSTEM)).isInstanceOf(NotNow.class);
    }

    @Test
    void the_last_due_visit_archives_an_evaluated_appeal_by_the_visitors_hand() {
        Taken taken = (Taken) appeal(AppealStatus.EVALUATED).recordVisit(REACHED, "企业表示满意", false);
        assertThat(taken.after().status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(taken.happened()).containsExactly(new Happened(REACHED, "企业表示满意", Visibility.PUBLIC, null),
                new Happened(new AppealEvent.Closed(), null, Visibility.PUBLIC, null));
    }

    @Test
    void a_visit_archives_nothing_while_another_is_due_or_the_appeal_is_in_rework() {
        assertThat(((Taken) appeal(AppealStatus.EVALUATED).recordVisit(REACHED, null, true)).after().status())
                .isEqualTo(AppealStatus.EVALUATED);
        Taken inRework = (Taken) appeal(AppealStatus.REWORK).recordVisit(REACHED, null, false);
        assertThat(inRework.after()).isEqualTo(appeal(AppealStatus.REWORK));
        assertThat(inRework.happened()).hasSize(1);
    }
}
