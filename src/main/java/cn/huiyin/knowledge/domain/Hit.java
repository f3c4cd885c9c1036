package cn.huiyin.knowledge.domain;

/** An article found for a question, with its score (higher is closer). */
public record Hit(long articleId, double score) {
}
