package cn.huiyin.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.web.Problem;

/** The rating page's form, and what it tells the appellant when a rating is refused. */
class RatingFormTest {

    private static String words(int status, String slug, String field) {
        Problem problem = Problem.of(status, slug, "t", "d");
        return RatingForm.words(field == null ? problem : problem.withField(field));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(nullValues = "NULL", value = { "1, 1", "5, 5", "0, NULL", "6, NULL", "' 3', NULL", "三, NULL", "'', NULL",
            "NULL, NULL" })
    void the_level_is_a_single_digit_one_to_five(String typed, Integer level) {
        assertThat(RatingForm.level(typed)).isEqualTo(level);
    }

    @Test
    void resolved_is_yes_or_no_and_anything_else_is_not_chosen() {
        assertThat(RatingForm.resolved("yes")).isTrue();
        assertThat(RatingForm.resolved("no")).isFalse();
        assertThat(RatingForm.resolved("true")).isNull();
        assertThat(RatingForm.resolved(null)).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "410|rating-link-expired|NULL|该评价链接已过期。逾期未评价的，系统将按默认评价处理。",
            "403|rating-link-invalid|NULL|该评价链接无效，请核对短信或微信中的链接。",
            "409|already-rated|NULL|该答复已评价，感谢您的反馈。",
            "409|not-awaiting-rating|NULL|该诉求当前无需评价。",
            "409|illegal-transition|NULL|该诉求当前无需评价。",
            "422|invalid-input|comment|评价意见最多500字。",
            "422|invalid-input|resolved|请选择问题是否已解决。",
            "422|invalid-input|level|请选择满意程度。",
            "404|not-found|NULL|未找到该诉求。" })
    void every_refusal_is_told_in_chinese(int status, String slug, String field, String words) {
        assertThat(words(status, slug, field)).isEqualTo(words);
    }
}
