package cn.huiyin.evaluation.application;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealDecisions;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.evaluation.domain.Rating;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.evaluation.persistence.EvaluationRepository.Appeal;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.domain.ClockKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records a round's rating and its consequences, in the caller's transaction on the locked appeal: the rating
 * row (one per round, the primary key decides), RATED, the rating clock stopped; good → EVALUATED (and archived
 * when no return visit is due); bad → REWORK with its clock, and a return visit due.
 */
@ApplicationScoped
public class RatingRecorder {

    /** How the rating ended: the round, where the appeal now stands, and whether it was good. */
    public record Recorded(String trackingNo, int round, String status, String statusLabel, boolean good,
            boolean defaulted) {
    }

    @Inject
    EvaluationRepository rounds;

    @Inject
    EvaluationSteps steps;

    @Inject
    SlaClockService clocks;

    /**
     * The appeal's current round, refused with 409 when it is rated already (or when {@code expectedRound}, from
     * a link, is an older round) and when the appeal does not wait for a rating.
     */
    public Uni<Recorded> record(SqlConnection tx, Appeal appeal, Integer expectedRound, Rating rating, String via,
            String actor, Instant at) {
        return rounds.latestRound(tx, appeal.id()).chain(latest -> {
            int round = latest.orElseThrow(() -> notAwaiting(appeal)).round();
            if (expectedRound != null && expectedRound != round) {
                throw alreadyRated(expectedRound);
            }
            return rounds.insertRating(tx, appeal.id(), round, rating, via, actor, at).chain(inserted -> {
                if (!inserted) {
                    throw alreadyRated(round);
                }
                return apply(tx, appeal, round, rating, actor, at);
            });
        });
    }

    private Uni<Recorded> apply(SqlConnection tx, Appeal appeal, int round, Rating rating, String actor, Instant at) {
        AppealEvent.Rated rated = new AppealEvent.Rated(round, rating.satisfaction().level(), rating.resolved(),
                rating.defaulted(), rating.good(), rating.comment(),
                rating.summary() + (rating.comment() == null ? "" : "。" + rating.comment()));
        // a good rating archives the appeal unless a return visit is still due (a bad one makes one due anyway)
        Uni<Boolean> visitDue = rating.good() ? rounds.visitPending(tx, appeal.id()) : Uni.createFrom().item(true);
        return visitDue.map(due -> AppealDecisions.taken(appeal.aggregate().rate(rated, due, EvaluationRounds.ACTOR),
                appeal.trackingNo())).chain(taken -> {
                    Uni<Void> consequences = clocks.stopRound(tx, appeal.id(), ClockKind.EVALUATE, round, at);
                    if (!rating.good()) {
                        // every bad rating is called back; the rework clock runs until the unit replies again
                        consequences = consequences.chain(() -> rounds.markVisitDue(tx, appeal.id(), round, "BAD_RATING"))
                                .chain(() -> clocks.start(tx, appeal.id(), round, appeal.appealType(), appeal.category(),
                                        appeal.urgent(), at, ClockKind.REWORK, ClockKind.FEEDBACK));
                    }
                    return consequences.chain(() -> steps.write(tx, appeal, taken, actor, at));
                })
                .call(() -> steps.notify(tx, appeal.id(), new AppealNotice.Rated(appeal.trackingNo(), appeal.channel(), round,
                        rating.satisfaction().level(), rating.good(), rating.defaulted())))
                .map(status -> new Recorded(appeal.trackingNo(), round, status.name(), status.label(), rating.good(),
                        rating.defaulted()));
    }

    static ProblemException alreadyRated(int round) {
        return new ProblemException(Problem.of(409, "already-rated", "Already rated",
                "Round " + round + " of this appeal has been rated already; each answer is rated once"));
    }

    private static ProblemException notAwaiting(Appeal appeal) {
        return new ProblemException(Problem.of(409, "not-awaiting-rating", "Not awaiting a rating",
                "Appeal " + appeal.trackingNo() + " has not been answered yet"));
    }
}
