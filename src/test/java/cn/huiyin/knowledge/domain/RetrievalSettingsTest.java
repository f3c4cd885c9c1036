package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetrievalSettingsTest {

    @Test
    void an_answer_floor_below_the_display_floor_is_refused() {
        assertThatThrownBy(() -> RetrievalSettings.MEASURED.withThresholds(0.3, 0.2, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negative_weights_are_refused() {
        assertThatThrownBy(() -> RetrievalSettings.MEASURED.withAnswerWeight(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrievalSettings.MEASURED.withUnigramWeight(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_text_that_asks_someone_to_act_must_clear_the_action_bar_as_well() {
        RetrievalSettings raised = RetrievalSettings.MEASURED.withThresholds(0.1, 0.3, 0.1).withActionBar(0.5, 0.2);

        assertThat(raised.sure(0.4, 0.1, false)).isTrue();
        assertThat(raised.sure(0.4, 0.1, true)).isFalse();
        assertThat(raised.sure(0.6, 0.3, true)).isTrue();
        assertThat(raised.sure(0.6, 0.45, true)).isFalse(); // ahead, but by less than the action margin
        assertThat(raised.withActionSignal(false).sure(0.4, 0.1, true)).isTrue();
    }

    @Test
    void the_measured_settings_never_answer_a_text_that_asks_someone_to_act() {
        RetrievalSettings m = RetrievalSettings.MEASURED;

        assertThat(m.sure(1.0, 0.0, false)).isTrue();
        assertThat(m.sure(1.0, 0.0, true)).isFalse();
    }

    @Test
    void an_action_bar_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> RetrievalSettings.MEASURED.withActionBar(Double.NaN, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_with_changes_only_its_own_choice() {
        RetrievalSettings m = RetrievalSettings.MEASURED;

        assertThat(m.withFormsApart(!m.formsApart()).withFormsApart(m.formsApart())).isEqualTo(m);
        assertThat(m.withScoring(RetrievalSettings.Scoring.TFIDF_COSINE).scoring())
                .isEqualTo(RetrievalSettings.Scoring.TFIDF_COSINE);
        assertThat(m.withThresholds(0.1, 0.5, 0.2)).extracting(RetrievalSettings::displayFloor,
                RetrievalSettings::answerFloor, RetrievalSettings::answerMargin).containsExactly(0.1, 0.5, 0.2);
        assertThat(m.withThresholds(0.1, 0.5, 0.2).withActionBar(0.6, 0.3)).extracting(RetrievalSettings::answerFloor,
                RetrievalSettings::actionSignal, RetrievalSettings::actionFloor, RetrievalSettings::actionMargin)
                .containsExactly(0.5, true, 0.6, 0.3);
        assertThat(m.withActionSignal(false).withActionSignal(true)).isEqualTo(m);
    }
}
