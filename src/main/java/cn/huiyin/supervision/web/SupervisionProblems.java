package cn.huiyin.supervision.web;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.supervision.application.AnswerOutcome;
import cn.huiyin.supervision.application.IssueOutcome;
import cn.huiyin.supervision.application.OrderView;

/**
 * The services' refusals as problem documents (stable types for API clients); the pages turn the same documents
 * into Chinese. An order of another unit is "not found", so a unit cannot learn of another unit's orders.
 */
final class SupervisionProblems {

    private SupervisionProblems() {
    }

    static OrderView issued(IssueOutcome outcome, String trackingNo) {
        if (outcome instanceof IssueOutcome.Issued issued) {
            return issued.order();
        }
        if (outcome instanceof IssueOutcome.NotOpen notOpen) {
            throw conflict("appeal-not-open", "The appeal is " + notOpen.status() + ": only an appeal still waiting for "
                    + "its answer is supervised");
        }
        if (outcome instanceof IssueOutcome.NoUnit) {
            throw conflict("no-unit", "No unit holds the appeal; it waits for the dispatcher");
        }
        if (outcome instanceof IssueOutcome.AlreadyOpen) {
            throw conflict("order-already-open", "An earlier supervision order on this appeal still waits for its answer");
        }
        throw ProblemException.notFound("Appeal " + trackingNo);
    }

    static OrderView answered(AnswerOutcome outcome, long id) {
        if (outcome instanceof AnswerOutcome.Answered answered) {
            return answered.order();
        }
        AnswerOutcome.Refused refused = (AnswerOutcome.Refused) outcome;
        switch (refused.refusal()) {
            case ALREADY_ANSWERED:
                throw conflict("order-already-answered", "The supervision order has its answer already");
            default:
                throw ProblemException.notFound("Supervision order " + id);
        }
    }

    private static ProblemException conflict(String type, String detail) {
        return new ProblemException(Problem.of(409, type, "Not possible now", detail));
    }
}
