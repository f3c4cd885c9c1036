package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.evaluation.domain.RatingContests.Refusal;
import cn.huiyin.shared.domain.Caller;

/** Rating appeals (申诉复核): the handling unit contests a bad rating once; the district upholds or rejects it. */
class RatingContestsTest {

    private static final Refusal NOT_CONTESTABLE = new Refusal("not-contestable",
            "Only a bad rating (不满意, 非常不满意 or not resolved) can be contested");

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "commissioner, TAX, true",
            "unit-leader, TAX, true",
            "commissioner, SAMR, false",
            "dispatcher, -, false",
            "district-leader, -, false" })
    void only_the_unit_that_handles_the_appeal_contests_its_ratings(String role, String unit, boolean theirs) {
        assertThat(RatingContests.isTheirs(new Caller("someone", role, unit, null), "TAX")).isEqualTo(theirs);
    }

    @Test
    void a_caller_without_a_unit_never_contests_not_even_an_appeal_without_one() {
        assertThat(RatingContests.isTheirs(new Caller("huang", "dispatcher", null, null), null)).isFalse();
    }

    @ParameterizedTest(name = "level {0}, resolved {1}, defaulted {2}")
    @CsvSource({ "2, true, false", "1, true, false", "5, false, false", "3, false, true", "2, true, true" })
    void a_bad_rating_may_be_contested_the_default_included(int level, boolean resolved, boolean defaulted) {
        Rating bad = new Rating(Satisfaction.of(level).orElseThrow(), resolved, null, defaulted);
        assertThat(RatingContests.contestable(bad)).isEmpty();
    }

    @ParameterizedTest(name = "level {0}, defaulted {1}")
    @CsvSource({ "5, false", "4, false", "3, false", "3, true" })
    void a_good_rating_is_not_contested(int level, boolean defaulted) {
        assertThat(RatingContests.contestable(new Rating(Satisfaction.of(level).orElseThrow(), true, null, defaulted)))
                .contains(NOT_CONTESTABLE);
    }

    @Test
    void a_round_not_rated_yet_has_nothing_to_contest() {
        assertThat(RatingContests.contestable(null)).contains(NOT_CONTESTABLE);
    }

    @Test
    void a_round_is_contested_once_and_decided_once() {
        assertThat(RatingContests.alreadyContested(2))
                .isEqualTo(new Refusal("already-contested", "Round 2's rating has been contested already"));
        assertThat(RatingContests.noOpenContest(1))
                .isEqualTo(new Refusal("no-open-contest", "Round 1 has no contest waiting for a decision"));
    }

    @Test
    void an_upheld_contest_takes_the_rating_out_of_the_figures_and_a_rejected_one_leaves_it() {
        assertThat(RatingContests.decided(2, true)).isEqualTo(new AppealEvent.RatingReviewDecided(2, true, true));
        assertThat(RatingContests.decided(1, false)).isEqualTo(new AppealEvent.RatingReviewDecided(1, false, false));
        assertThat(RatingContests.stateAfter(true)).isEqualTo("UPHELD");
        assertThat(RatingContests.stateAfter(false)).isEqualTo("REJECTED");
    }
}
