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
}
