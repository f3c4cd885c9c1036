package cn.huiyin.knowledge.application;

/**
 * A published article found for a question, as the channels show it; {@code sure} only on the first match when the
 * index is sure it answers the question.
 */
public record ArticleMatch(long articleId, int version, String title, String answer, String sourceName,
        String sourceLink, String unitCode, String unitName, String categoryCode, double score, boolean sure) {
}
