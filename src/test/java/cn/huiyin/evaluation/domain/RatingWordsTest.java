package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the staff pages word a round's rating and why a round is called back. */
class RatingWordsTest {

    @ParameterizedTest(name = "level {0}, resolved {1}, defaulted {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "5, true, false, 非常满意，已解决",
            "2, false, false, 不满意，未解决",
            "1, true, false, 非常不满意，已解决",
            "3, true, true, 基本满意，已解决（默认评价）",
            "3, -, false, 基本满意，未解决",
            "-, -, false, 尚未评价",
            "-, true, true, 尚未评价" })
    void a_rating_is_worded_with_whether_the_matter_is_resolved_and_whether_it_was_the_default(Integer level, Boolean resolved,
            boolean defaulted, String words) {
        assertThat(RatingWords.of(level, resolved, defaulted)).isEqualTo(words);
    }

    @Test
    void every_bad_rating_is_called_back_and_other_rounds_only_when_drawn() {
        assertThat(RatingWords.visitReason("BAD_RATING")).isEqualTo("差评回访");
        assertThat(RatingWords.visitReason("SAMPLE")).isEqualTo("抽样回访");
    }
}
