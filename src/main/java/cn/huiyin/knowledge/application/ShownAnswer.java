package cn.huiyin.knowledge.application;

import java.util.UUID;

/**
 * An article as one asker saw it: {@code shownId} names the record of that showing, which its feedback
 * (这条回答有帮助吗) and a later appeal by the same asker are written to.
 */
public record ShownAnswer(UUID shownId, ArticleMatch article) {

    /** The article's source link when it is a web address a page may link to; null otherwise. */
    public String sourceHref() {
        String link = article.sourceLink();
        return link != null && (link.startsWith("https://") || link.startsWith("http://")) ? link : null;
    }
}
