package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.domain.RetrievalSettings.Scoring;

class ScoredFieldTest {

    private static final RetrievalSettings BIGRAMS = RetrievalSettings.MEASURED.withUnigramWeight(0);

    private static List<Map<String, Double>> passages(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> QueryText.terms(t, BIGRAMS)).toList();
    }

    @Test
    void an_article_scores_its_best_passage() {
        ScoredField field = ScoredField.of(List.of(passages("注销公司", "变更住所"), passages("申领发票")), Scoring.BM25);

        double[] score = field.score(QueryText.terms("变更住所", BIGRAMS));

        assertThat(score[0]).isGreaterThan(0.5);
        assertThat(score[1]).isZero();
    }

    @Test
    void words_no_article_has_count_against_the_match() {
        ScoredField field = ScoredField.of(List.of(passages("变更住所"), passages("申领发票")), Scoring.BM25);

        double plain = field.score(QueryText.terms("变更住所", BIGRAMS))[0];
        double diluted = field.score(QueryText.terms("变更住所顺便问问停车场收费标准", BIGRAMS))[0];

        assertThat(diluted).isLessThan(plain / 2);
    }

    @Test
    void cosine_of_a_text_with_itself_is_one() {
        ScoredField field = ScoredField.of(List.of(passages("变更住所"), passages("申领发票")), Scoring.TFIDF_COSINE);

        assertThat(field.score(QueryText.terms("申领发票", BIGRAMS))[1]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void a_question_of_unknown_words_scores_zero_everywhere() {
        ScoredField field = ScoredField.of(List.of(passages("变更住所")), Scoring.BM25);

        assertThat(field.score(QueryText.terms("火锅推荐", BIGRAMS))).containsExactly(0.0);
        assertThat(field.score(Map.of())).containsExactly(0.0);
    }
}
