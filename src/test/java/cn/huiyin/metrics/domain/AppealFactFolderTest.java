package cn.huiyin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealEvent;

/** The folder reads typed events: what each one moves, and that a row it could not read moves nothing. */
class AppealFactFolderTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T01:50:00Z");
    private static final Instant RESPOND_DUE = Instant.parse("2026-03-02T03:00:00Z");
    private static final Instant HANDLE_DUE = Instant.parse("2026-03-16T10:00:00Z");

    private final AppealFactFolder folder = new AppealFactFolder((from, to) -> Duration.between(from, to).toMinutes(),
            ZoneId.of("Asia/Shanghai"));

    private final List<StoredEvent> history = new ArrayList<>();

    private void then(int minutesAfterReceipt, AppealEvent event) {
        history.add(new StoredEvent(history.size() + 1, RECEIVED.plus(Duration.ofMinutes(minutesAfterReceipt)), event));
    }

    private void unreadable(int minutesAfterReceipt) {
        history.add(StoredEvent.unread(history.size() + 1, RECEIVED.plus(Duration.ofMinutes(minutesAfterReceipt))));
    }

    private AppealFact fold() {
        return folder.fold(new AppealBasics(1, "2603020000013", "WEB", "HELP", "TAX_SERVICE", "TAX", "ST-SHIPAI",
                "HANDLING", RECEIVED, RESPOND_DUE, HANDLE_DUE), history);
    }

    @Test
    void a_row_that_could_not_be_read_moves_no_figure_but_counts_as_folded() {
        then(10, new AppealEvent.Dispatched("SAMR", "TAX_SERVICE", "CATALOGUE", null));
        then(15, new AppealEvent.Transferred("TAX"));
        then(30, new AppealEvent.FirstContact());
        AppealFact readable = fold();
        unreadable(40);
        AppealFact withUnread = fold();

        assertThat(withUnread.appliedSeq()).isEqualTo(4);
        assertThat(withUnread).usingRecursiveComparison().ignoringFields("appliedSeq").isEqualTo(readable);
        assertThat(withUnread.transfers()).isEqualTo(1);
        assertThat(withUnread.firstContactAt()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(30)));
        assertThat(withUnread.respondOnTime()).isTrue();
        assertThat(withUnread.responseMinutes()).isEqualTo(20);
    }

    @Test
    void only_the_overdue_step_says_a_clock_ran_out() {
        then(10, new AppealEvent.Dispatched("TAX", "TAX_SERVICE", "CATALOGUE", null));
        then(60, new AppealEvent.Escalated("RESPOND", "WARNING", RESPOND_DUE.toString(), "commissioner"));
        assertThat(fold().respondOnTime()).as("a warning is not lateness").isNull();

        then(70, new AppealEvent.Escalated("RESPOND", "OVERDUE", RESPOND_DUE.toString(), "commissioner,unit-leader"));
        AppealFact fact = fold();
        assertThat(fact.respondOnTime()).isFalse();
        assertThat(fact.handleOnTime()).as("the other clock is untouched").isNull();
    }

    @Test
    void a_review_excludes_the_rating_of_its_own_round_only() {
        then(10, new AppealEvent.Dispatched("TAX", "TAX_SERVICE", "CATALOGUE", null));
        then(100, new AppealEvent.Replied("已办理"));
        then(200, new AppealEvent.Rated(1, 1, false, false, false, null, "不满意"));
        then(210, new AppealEvent.ReworkOpened(1));
        then(300, new AppealEvent.Replied("整改后答复"));
        then(400, new AppealEvent.Rated(2, 2, false, false, false, null, "不满意"));
        then(500, new AppealEvent.RatingReviewDecided(1, true, true));
        AppealFact fact = fold();
        assertThat(fact.ratingLevel()).isEqualTo(2);
        assertThat(fact.ratingExcluded()).as("round 1 was reviewed, round 2 stands").isFalse();
        assertThat(fact.reworks()).isEqualTo(1);

        then(600, new AppealEvent.RatingReviewDecided(2, true, true));
        assertThat(fold().ratingExcluded()).isTrue();
    }

    @Test
    void an_overturning_return_visit_replaces_resolution_and_level() {
        then(10, new AppealEvent.Dispatched("TAX", "TAX_SERVICE", "CATALOGUE", null));
        then(100, new AppealEvent.Replied("已办理"));
        then(200, new AppealEvent.Rated(1, 3, false, true, true, null, "基本满意"));
        then(300, new AppealEvent.ReturnVisited(1, "REACHED", true, null, false, false, "已解决"));
        assertThat(fold().ratingResolved()).as("not overturned: the rating stands").isFalse();

        then(400, new AppealEvent.ReturnVisited(1, "REACHED", true, 5, true, false, "已解决"));
        AppealFact fact = fold();
        assertThat(fact.ratingResolved()).isTrue();
        assertThat(fact.ratingLevel()).isEqualTo(5);
        assertThat(fact.ratingDefaulted()).isTrue();
    }

    @Test
    void supervision_orders_are_counted_per_appeal_issued_answered_on_time_and_climbed() {
        then(10, new AppealEvent.Dispatched("TAX", "TAX_SERVICE", "CATALOGUE", null));
        assertThat(fold().countBits() & Count.SUPERVISED.bit()).as("no order yet").isZero();

        // a first order answered by its deadline: supervised, and every order on time so far
        then(20, new AppealEvent.SupervisionOrderIssued(7, "TAX", "2026-03-05T10:00:00Z"));
        assertThat(fold().counts(Count.SUPERVISION_ON_TIME)).as("waiting for its answer is not on time").isFalse();
        then(30, new AppealEvent.SupervisionOrderAnswered(7, true));
        AppealFact answered = fold();
        assertThat(answered.counts(Count.SUPERVISED)).isTrue();
        assertThat(answered.counts(Count.SUPERVISION_ON_TIME)).isTrue();
        assertThat(answered.counts(Count.SUPERVISION_CLIMBED)).isFalse();

        // a second order climbs and is answered late: two orders, one on time, one climbed
        then(40, new AppealEvent.SupervisionOrderIssued(8, "TAX", "2026-03-09T10:00:00Z"));
        then(50, new AppealEvent.SupervisionOrderClimbed(8, "DISTRICT_LEADER", "2026-03-09T10:00:00Z"));
        then(60, new AppealEvent.SupervisionOrderAnswered(8, false));
        AppealFact fact = fold();
        assertThat(fact.supervisionOrders()).isEqualTo(2);
        assertThat(fact.supervisionAnsweredOnTime()).isEqualTo(1);
        assertThat(fact.supervisionClimbed()).isEqualTo(1);
        assertThat(fact.counts(Count.SUPERVISION_ON_TIME)).as("one late answer spoils it").isFalse();
        assertThat(fact.counts(Count.SUPERVISION_CLIMBED)).isTrue();
        assertThat(fact.transfers()).as("supervision moves no other figure").isZero();
        assertThat(fact.open()).isTrue();
    }
}
