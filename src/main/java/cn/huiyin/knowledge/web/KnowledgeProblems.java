package cn.huiyin.knowledge.web;

import java.util.List;

import cn.huiyin.knowledge.application.ArticleOutcome;
import cn.huiyin.knowledge.domain.ArticleStep;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.StoredArticle;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;

/**
 * The article service's refusals as problem documents with stable types: bad content is {@code 400} naming the first
 * field (all of them in {@code errors}); who may not is {@code 403}; a step the article's status does not allow now
 * is {@code 409}. The pages turn the same outcomes into Chinese ({@link ArticleWords}).
 */
final class KnowledgeProblems {

    private KnowledgeProblems() {
    }

    /** The stored article, or the problem that says why there is none. */
    static StoredArticle done(ArticleOutcome outcome, long id) {
        if (outcome instanceof ArticleOutcome.Done done) {
            return done.stored();
        }
        if (outcome instanceof ArticleOutcome.Invalid invalid) {
            throw invalid(invalid.violations());
        }
        if (outcome instanceof ArticleOutcome.Refused refused) {
            throw refused(refused.refusal());
        }
        throw ProblemException.notFound("Article " + id);
    }

    static ProblemException invalid(List<FieldViolation> violations) {
        FieldViolation first = violations.get(0);
        Problem problem = Problem.of(400, "bad-request", "Bad request", first.message()).withField(first.field());
        return new ProblemException(new Problem(problem.type(), problem.title(), 400, problem.detail(), problem.field(),
                violations.stream().map(v -> new Problem.InvalidField(v.field(), v.code(), v.message(), v.messageZh()))
                        .toList(), null));
    }

    static ProblemException refused(ArticleStep.Refusal refusal) {
        return new ProblemException(switch (refusal) {
            case NOT_YOUR_ROLE -> Problem.of(403, "forbidden", "Forbidden", "Your role may not take this step on an article");
            case NOT_YOUR_UNIT -> Problem.of(403, "not-your-unit", "Forbidden", "The article belongs to another unit");
            case OWN_EDIT -> Problem.of(403, "own-edit", "Forbidden", "Nobody reviews a version they wrote themselves");
            case NOT_A_DRAFT -> Problem.of(409, "not-a-draft", "Not possible now", "Only a draft is reviewed");
            case NOT_REVIEWED -> Problem.of(409, "not-reviewed", "Not possible now",
                    "Only a reviewed version is published: review the draft first");
            case NOT_PUBLISHED -> Problem.of(409, "not-published", "Not possible now",
                    "Only a published article is withdrawn");
        });
    }
}
