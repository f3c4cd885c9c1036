package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a return visit (回访) heard, and when it overturns the round's rating or flags a closure found unresolved. */
class VisitFindingTest {

    private static final Rating GOOD = new Rating(Satisfaction.SATISFIED, true, null, false);
    private static final Rating BAD = new Rating(Satisfaction.DISSATISFIED, true, null, false);
    private static final Rating DEFAULTED = new Rating(Satisfaction.BASICALLY_SATISFIED, true, null, true);

    @Test
    void a_return_visit_overturns_a_rating_it_contradicts_and_flags_a_closure_found_unresolved() {
        Rating good = new Rating(Satisfaction.SATISFIED, true, null, false);
        Rating bad = new Rating(Satisfaction.DISSATISFIED, true, null, false);
        VisitFinding unresolved = new VisitFinding(true, false, null, null);
        VisitFinding content = new VisitFinding(true, true, Satisfaction.VERY_SATISFIED, null);
        VisitFinding nobody = new VisitFinding(false, null, null, "无人接听");

        assertThat(unresolved.overturns(good)).isTrue();
        assertThat(unresolved.findsClosureUnresolved(good)).isTrue();
        assertThat(content.overturns(bad)).isTrue();
        assertThat(content.findsClosureUnresolved(bad)).isFalse();
        assertThat(content.overturns(good)).isFalse();
        assertThat(nobody.overturns(good)).isFalse();
        assertThat(content.overturns(null)).isFalse();
        assertThatThrownBy(() -> new VisitFinding(true, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VisitFinding(false, true, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "resolved {0}, level {1} → good {2}")
    @CsvSource(nullValues = "-", value = { "true, -, true", "true, 3, true", "true, 5, true", "true, 2, false", "true, 1, false",
            "false, -, false", "false, 5, false" })
    void what_was_heard_is_good_when_resolved_and_not_dissatisfied(boolean resolved, Integer level, boolean good) {
        Satisfaction heard = level == null ? null : Satisfaction.of(level).orElseThrow();
        assertThat(new VisitFinding(true, resolved, heard, null).good()).isEqualTo(good);
    }

    @Test
    void resolved_but_dissatisfied_contradicts_a_good_rating_yet_is_no_unresolved_closure() {
        VisitFinding grudging = new VisitFinding(true, true, Satisfaction.DISSATISFIED, "还是不满意");
        assertThat(grudging.overturns(GOOD)).isTrue();
        assertThat(grudging.findsClosureUnresolved(GOOD)).isFalse();
        assertThat(grudging.overturns(BAD)).isFalse();
    }

    @Test
    void a_default_is_overturned_like_any_rating_when_the_enterprise_says_otherwise() {
        VisitFinding unresolved = new VisitFinding(true, false, Satisfaction.VERY_DISSATISFIED, null);
        assertThat(unresolved.overturns(DEFAULTED)).isTrue();
        assertThat(unresolved.findsClosureUnresolved(DEFAULTED)).isTrue();
    }

    @Test
    void a_visit_that_reached_nobody_decides_nothing() {
        VisitFinding nobody = new VisitFinding(false, null, null, "无人接听");
        assertThat(nobody.good()).isFalse();
        assertThat(nobody.overturns(BAD)).isFalse();
        assertThat(nobody.findsClosureUnresolved(GOOD)).isFalse();
        assertThat(nobody.outcome()).isEqualTo("UNREACHED");
        assertThat(nobody.summary()).isEqualTo("回访未接通");
        assertThatThrownBy(() -> new VisitFinding(false, null, Satisfaction.SATISFIED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_public_timeline_words_what_was_heard() {
        assertThat(new VisitFinding(true, true, null, null).summary()).isEqualTo("回访：问题已解决");
        assertThat(new VisitFinding(true, false, Satisfaction.DISSATISFIED, null).summary()).isEqualTo("回访：问题未解决，不满意");
        assertThat(new VisitFinding(true, true, Satisfaction.VERY_SATISFIED, null).outcome()).isEqualTo("REACHED");
    }
}
