package cn.huiyin.routing.domain;

/** A category the classifier proposes for a text, with its confidence in [0, 1]. */
public record Suggestion(String category, double confidence) {
}
