package cn.huiyin.knowledge.domain;

import java.util.List;

import cn.huiyin.shared.domain.FieldViolation;

/**
 * The outcome of a step on an article: the article as it now is, why the caller may not take the step now, or what is
 * wrong with the content they gave.
 */
public sealed interface ArticleStep {

    /** Why a step was refused. The first three are about who asks; the rest about where the article stands. */
    enum Refusal {
        /** the caller's role does not take this step (only a unit leader reviews, publishes and withdraws) */
        NOT_YOUR_ROLE,
        /** the article belongs to another unit */
        NOT_YOUR_UNIT,
        /** nobody reviews a version they wrote themselves */
        OWN_EDIT,
        /** only a draft is reviewed */
        NOT_A_DRAFT,
        /** only a reviewed version is published */
        NOT_REVIEWED,
        /** only an article that answers now is withdrawn */
        NOT_PUBLISHED
    }

    record Taken(Article article) implements ArticleStep {
    }

    record Refused(Refusal refusal) implements ArticleStep {
    }

    /** The content breaks field rules (after the caller was found allowed); nothing changes. */
    record Invalid(List<FieldViolation> violations) implements ArticleStep {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    default boolean taken() {
        return this instanceof Taken;
    }
}
