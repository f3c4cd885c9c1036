package cn.huiyin.knowledge.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is kept of a question as typed: at most 500 characters, counted as a reader counts them. */
class KnowledgeAnswersQueryTest {

    @Test
    void a_question_is_kept_stripped_and_whole_up_to_500_characters() {
        assertThat(KnowledgeAnswers.query("  变更经营范围要交什么资料？\n")).isEqualTo("变更经营范围要交什么资料？");
        String exactly = "经".repeat(500);
        assertThat(KnowledgeAnswers.query(exactly)).isEqualTo(exactly);
    }

    @Test
    void a_longer_text_is_cut_at_500_characters_never_inside_a_surrogate_pair() {
        assertThat(KnowledgeAnswers.query("经".repeat(2000))).isEqualTo("经".repeat(500));
        // 𠀀 (U+20000) is two UTF-16 units: 499 of them and a half would be a broken character
        String rare = "𠀀".repeat(600);
        String kept = KnowledgeAnswers.query(rare);
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(500);
        assertThat(kept).isEqualTo("𠀀".repeat(500));
    }
}
