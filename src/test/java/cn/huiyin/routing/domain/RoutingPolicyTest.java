package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    private final CategoryClassifier classifier = CategoryClassifier.train(CategoryClassifierTest.TINY);

    @Test
    void a_confident_answer_is_routed_automatically_with_the_top_three() {
        RoutingPolicy.Routed routed = RoutingPolicy.route(classifier, "燃气管道泄漏，有燃气味", 0.5);

        assertThat(routed.automatic()).isTrue();
        assertThat(routed.best().category()).isEqualTo("GAS");
        assertThat(routed.top3()).hasSize(3).isEqualTo(classifier.rank("燃气管道泄漏，有燃气味").subList(0, 3));
    }

    @Test
    void below_the_threshold_it_goes_to_the_dispatcher_with_the_suggestions() {
        String text = "燃气管道泄漏，有燃气味";
        double sureness = RoutingPolicy.sureness(classifier.rank(text));

        RoutingPolicy.Routed routed = RoutingPolicy.route(classifier, text, Math.nextUp(sureness));

        assertThat(routed.automatic()).isFalse();
        assertThat(routed.best().category()).isEqualTo("GAS");
        assertThat(routed.top3()).hasSize(3);
        assertThat(RoutingPolicy.route(classifier, text, sureness).automatic()).isTrue();
    }

    @Test
    void other_always_goes_to_the_dispatcher_however_sure() {
        RoutingPolicy.Routed routed = RoutingPolicy.route(classifier, "你好在吗", 0.0);

        assertThat(routed.best().category()).isEqualTo(RoutingPolicy.OTHER);
        assertThat(routed.automatic()).isFalse();
    }

    @Test
    void a_text_with_nothing_known_is_never_routed() {
        assertThat(RoutingPolicy.route(classifier, "？？？", 0.3).automatic()).isFalse();
        assertThat(RoutingPolicy.route(classifier, "？？？", 0.0).automatic()).isFalse(); // a tie is never placed
    }

    @Test
    void sureness_weighs_the_best_against_the_second_alone() {
        List<Suggestion> clear = List.of(new Suggestion("GAS", 0.55), new Suggestion("POWER", 0.05),
                new Suggestion("WATER", 0.05), new Suggestion("OTHER", 0.05));
        List<Suggestion> between = List.of(new Suggestion("GAS", 0.6), new Suggestion("POWER", 0.39),
                new Suggestion("WATER", 0.01));

        assertThat(RoutingPolicy.sureness(clear)).isCloseTo(0.55 / 0.6, org.assertj.core.api.Assertions.within(1e-12));
        // a higher confidence among all categories, yet less sure: it sits between GAS and POWER
        assertThat(RoutingPolicy.sureness(between)).isLessThan(0.61).isLessThan(RoutingPolicy.sureness(clear));
        assertThat(RoutingPolicy.sureness(List.of(new Suggestion("GAS", 1.0)))).isEqualTo(1.0);
    }

    @Test
    void with_fewer_than_three_categories_the_suggestions_are_all_of_them() {
        CategoryClassifier two = CategoryClassifier.train(List.of(
                new LabeledText("停电", "POWER"), new LabeledText("停水", "WATER")));

        assertThat(RoutingPolicy.route(two, "停电了", 0.9).top3()).extracting(Suggestion::category)
                .containsExactly("POWER", "WATER");
    }
}
