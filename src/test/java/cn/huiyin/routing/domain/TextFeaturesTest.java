package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    @Test
    void full_width_letters_and_digits_become_half_width_lower_case_and_digit_runs_one_placeholder() {
        assertThat(TextFeatures.normalise("ＡＰＰ登录失败，错误码１２３")).isEqualTo("app登录失败错误码#");
        assertThat(TextFeatures.normalise("2026年1月")).isEqualTo("#年#月");
        assertThat(TextFeatures.normalise("２０２５年１２月")).isEqualTo("#年#月");
    }

    @Test
    void masked_phone_numbers_dates_and_amounts_leave_no_digits_behind() {
        assertThat(TextFeatures.normalise("联系电话138****0000。")).isEqualTo("联系电话#");
        assertThat(TextFeatures.normalise("约4.6万元")).isEqualTo("约#万元");
    }

    @Test
    void whitespace_punctuation_quotes_and_emoji_are_dropped() {
        assertThat(TextFeatures.normalise("你好，请问 个体户？😭")).isEqualTo("你好请问个体户");
        assertThat(TextFeatures.normalise("在“穗好办”APP上（免抵退）！\u3000 在吗？？")).isEqualTo("在穗好办app上免抵退在吗");
        assertThat(TextFeatures.normalise(" ，。！ ")).isEmpty();
    }

    @Test
    void ngrams_are_all_unigrams_then_bigrams_then_trigrams() {
        assertThat(TextFeatures.ngrams("燃气泄漏")).containsExactly(
                "燃", "气", "泄", "漏",
                "燃气", "气泄", "泄漏",
                "燃气泄", "气泄漏");
    }

    @Test
    void ngrams_are_taken_after_normalisation() {
        assertThat(TextFeatures.ngrams("ＡＰＰ坏了！")).containsExactly(
                "a", "p", "p", "坏", "了",
                "ap", "pp", "p坏", "坏了",
                "app", "pp坏", "p坏了");
        assertThat(TextFeatures.ngrams("欠薪3个月")).containsExactly(
                "欠", "薪", "#", "个", "月",
                "欠薪", "薪#", "#个", "个月",
                "欠薪#", "薪#个", "#个月");
    }

    @Test
    void short_and_empty_texts_give_only_the_grams_they_can() {
        assertThat(TextFeatures.ngrams("税")).containsExactly("税");
        assertThat(TextFeatures.ngrams("停电")).containsExactly("停", "电", "停电");
        assertThat(TextFeatures.ngrams("？？")).isEmpty();
    }

    @Test
    void traditional_script_is_read_as_simplified_including_the_characters_the_articles_showed_missing() {
        assertThat(TextFeatures.normalise("納稅人違規出賃，並已刪除")).isEqualTo("纳税人违规出赁并已删除");
        assertThat(TextFeatures.normalise("兌換、揮發、傾倒、剛剛、瀏覽、誡勉、餌料、説明、衞生、爲何、回覆"))
                .isEqualTo("兑换挥发倾倒刚刚浏览诫勉饵料说明卫生为何回复");
    }
}
