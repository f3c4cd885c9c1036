package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    private static final RetrievalSettings BIGRAMS_ONLY = RetrievalSettings.MEASURED.withUnigramWeight(0)
            .withColloquialisms(false);

    @Test
    void traditional_full_width_case_and_punctuation_read_as_plain_simplified_text() {
        assertThat(QueryText.normalise("營業執照ＡＰＰ，怎麼辦理？", false)).isEqualTo("营业执照app怎么办理");
        assertThat(QueryText.normalise(" 發票\u3000遺失！！", false)).isEqualTo("发票遗失");
        assertThat(QueryText.normalise(null, true)).isEmpty();
    }

    @Test
    void traditional_characters_missing_from_the_routing_table_are_read_too() {
        assertThat(QueryText.normalise("納稅人並違約租賃", false)).isEqualTo("纳税人并违约租赁");
    }

    @Test
    void spoken_names_are_read_as_the_written_ones() {
        assertThat(QueryText.normalise("执照丢了", true)).isEqualTo("营业执照丢了");
        assertThat(QueryText.normalise("社保怎么开户", true)).isEqualTo("社会保险怎么开户");
        assertThat(QueryText.normalise("個體戶要交社保嗎", true)).isEqualTo("个体工商户要交社会保险吗");
    }

    @Test
    void a_question_becomes_its_overlapping_bigrams() {
        assertThat(QueryText.terms("变更地址", BIGRAMS_ONLY)).containsOnlyKeys("变更", "更地", "地址");
    }

    @Test
    void single_characters_count_at_their_lower_weight_and_repeats_add_up() {
        var terms = QueryText.terms("税税", BIGRAMS_ONLY.withUnigramWeight(0.3));
        assertThat(terms).containsEntry("税", 0.6).containsEntry("税税", 1.0);
    }

    @Test
    void a_one_character_question_keeps_its_character_even_when_bigrams_only() {
        assertThat(QueryText.terms("税", BIGRAMS_ONLY)).containsOnlyKeys("税");
        assertThat(QueryText.terms("？！", BIGRAMS_ONLY)).isEmpty();
    }
}
