package cn.huiyin.evaluation.application;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
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
        AppealStatus next = EvaluationSteps.next(appeal, rating.good() ? AppealAction.RATE_GOOD : AppealAction.RATE_BAD);
        AppealEvent.Rated rated = new AppealEvent.Rated(round, rating.satisfaction().level(), rating.resolved(),
                rating.defaulted(), rating.good(), rating.comment(),
                rating.summary() + (rating.comment() == null ? "" : "。" + rating.comment()));
        EvaluationSteps.Pending pending = new EvaluationSteps.Pending().add(rated, actor, at, null, Visibility.PUBLIC);
        Uni<Void> consequences = clocks.stopRoundInTransaction(tx, appeal.id(), ClockKind.EVALUATE, round, at);
        if (!rating.good()) {
            pending.add(new AppealEvent.ReworkOpened(round), EvaluationRounds.ACTOR, at, null, Visibility.PUBLIC);
            // every bad rating is called back; the rework clock runs until the unit replies again
            consequences = consequences.chain(() -> rounds.markVisitDue(tx, appeal.id(), round, "BAD_RATING"))
                    .chain(() -> clocks.startInTransaction(tx, appeal.id(), round, appeal.appealType(), appeal.category(),
                            appeal.urgent(), at, ClockKind.REWORK, ClockKind.FEEDBACK));
        }
        return consequences.chain(() -> steps.moveTo(tx, appeal.id(), next.name()))
                .chain(() -> steps.closeIfSettled(tx, appeal, next, EvaluationRounds.ACTOR, at, pending))
                .call(() -> steps.append(tx, appeal.id(), pending))
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
