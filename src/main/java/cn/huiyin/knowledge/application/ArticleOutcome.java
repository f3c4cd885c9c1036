package cn.huiyin.knowledge.application;

import java.util.List;

import cn.huiyin.knowledge.domain.ArticleStep;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.StoredArticle;
import cn.huiyin.shared.domain.FieldViolation;

/** What became of a request about an article: done (the article as stored now), refused, invalid, or no such article. */
public sealed interface ArticleOutcome {

    record Done(StoredArticle stored) implements ArticleOutcome {
    }

    record Refused(ArticleStep.Refusal refusal) implements ArticleOutcome {
    }

    /** The content breaks field rules; nothing was stored. */
    record Invalid(List<FieldViolation> violations) implements ArticleOutcome {
    }

    record Missing() implements ArticleOutcome {
    }
}
