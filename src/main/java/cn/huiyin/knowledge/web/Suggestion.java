package cn.huiyin.knowledge.web;

import java.util.UUID;

import cn.huiyin.knowledge.application.ShownAnswer;

/**
 * An article suggested for what was typed, as the channels' pages show it. {@code shownId} is what feedback is sent
 * under; {@code sure} marks the one article the search is sure answers the question.
 */
public record Suggestion(UUID shownId, long articleId, String title, String answer, String sourceName, String sourceLink,
        String unitName, boolean sure) {

    static Suggestion of(ShownAnswer shown) {
        var a = shown.article();
        return new Suggestion(shown.shownId(), a.articleId(), a.title(), a.answer(), a.sourceName(), a.sourceLink(),
                a.unitName(), a.sure());
    }
}
