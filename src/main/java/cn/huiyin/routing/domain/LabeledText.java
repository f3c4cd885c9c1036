package cn.huiyin.routing.domain;

import java.util.Objects;

/** One training example for the classifier: an appeal's text and the category a person gave it. */
public record LabeledText(String text, String category) {

    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        if (category.isBlank()) {
            throw new IllegalArgumentException("category must not be blank");
        }
    }
}
