package cn.huiyin.knowledge.domain;

/** The version of an article that answers now, as the index and the public pages read it. */
public record PublishedArticle(long articleId, int version, String unitCode, ArticleContent content) {

    public IndexedArticle indexed() {
        return new IndexedArticle(articleId, content.title(), content.questions(), content.answer(), content.categoryCode());
    }
}
