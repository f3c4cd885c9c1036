package cn.huiyin.knowledge.domain;

import java.util.List;

/** What the index reads of a published article: the ways its question is asked and its answer. */
public record IndexedArticle(long articleId, String title, List<String> questions, String answer, String categoryCode) {

    public IndexedArticle {
        questions = List.copyOf(questions);
    }
}
