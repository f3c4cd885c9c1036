package cn.huiyin.evaluation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.evaluation.domain.RatingContests;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.evaluation.persistence.EvaluationRepository.Appeal;
import cn.huiyin.evaluation.persistence.RatingContestRepository;
import cn.huiyin.evaluation.persistence.RatingContestRepository.Contestable;
import cn.huiyin.evaluation.persistence.RatingContestRepository.OpenContest;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Rating appeals (申诉复核): the handling unit contests a round's bad rating once, with a reason; the district
 * centre or a district leader upholds or rejects it. An upheld contest takes the rating out of the metrics; the
 * rating, and the rework it opened, stay.
 */
@ApplicationScoped
public class RatingContestService {

    /** Where a contest stands after a step. */
    public record ContestState(String trackingNo, int round, String state, boolean excludedFromMetrics) {
    }

    @Inject
    Pool pool;

    @Inject
    EvaluationRepository appeals;

    @Inject
    RatingContestRepository contests;

    @Inject
    EvaluationSteps steps;

    @Inject
    Clock clock;

    /** What the district still has to decide. */
    public Uni<List<OpenContest>> open(int limit) {
        return contests.open(limit);
    }

    /** The caller's unit's bad ratings it may still contest; none for a caller without a unit. */
    public Uni<List<Contestable>> contestable(Caller caller, int limit) {
        return caller.unitCode() == null ? Uni.createFrom().item(List.of()) : contests.contestable(caller.unitCode(), limit);
    }

    public Uni<ContestState> contest(String rawTrackingNo, int round, String reason, Caller caller) {
        String trackingNo = RatingService.canonical(rawTrackingNo);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, trackingNo).chain(found -> {
            // another unit's appeal is "not found", as everywhere
            Appeal appeal = found.filter(a -> RatingContests.isTheirs(caller, a.handlingUnit()))
                    .orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            return appeals.rating(tx, appeal.id(), round).chain(rating -> {
                RatingContests.contestable(rating.orElse(null)).ifPresent(refusal -> {
                    throw conflict(refusal);
                });
                return contests.contest(tx, appeal.id(), round, caller.unitCode(), reason, caller.actor(), now);
            }).chain(first -> {
                if (!first) {
                    throw conflict(RatingContests.alreadyContested(round));
                }
                AppealEvent.RatingContested contested = new AppealEvent.RatingContested(round, reason);
                return event(tx, appeal, contested, AppealNotice.Relayed.contested(contested), caller, now, reason)
                        .replaceWith(new ContestState(trackingNo, round, RatingContests.CONTESTED, false));
            });
        }));
    }

    public Uni<ContestState> decide(String rawTrackingNo, int round, boolean upheld, String reason, Caller caller) {
        String trackingNo = RatingService.canonical(rawTrackingNo);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, trackingNo).chain(found -> {
            Appeal appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            return contests.decide(tx, appeal.id(), round, upheld, reason, caller.actor(), now).chain(decided -> {
                if (!decided) {
                    throw conflict(RatingContests.noOpenContest(round));
                }
                AppealEvent.RatingReviewDecided decision = RatingContests.decided(round, upheld);
                return (decision.excludedFromMetrics() ? contests.excludeFromMetrics(tx, appeal.id(), round)
                        : Uni.createFrom().voidItem())
                        .chain(() -> event(tx, appeal, decision, AppealNotice.Relayed.reviewDecided(decision), caller, now, reason))
                        .replaceWith(new ContestState(trackingNo, round, RatingContests.stateAfter(upheld),
                                decision.excludedFromMetrics()));
            });
        }));
    }

    /** Internal: a dealing between the unit and the district centre; the outbox tells metrics. */
    private Uni<Void> event(SqlConnection tx, Appeal appeal, AppealEvent event, AppealNotice notice, Caller caller, Instant at,
            String reason) {
        return steps.append(tx, appeal.id(), new EvaluationSteps.Pending().add(event, caller.actor(), at, reason,
                Visibility.INTERNAL))
                .chain(() -> steps.notify(tx, appeal.id(), notice));
    }

    private static ProblemException conflict(RatingContests.Refusal refusal) {
        return new ProblemException(Problem.of(409, refusal.slug(), "Not possible now", refusal.detail()));
    }
}
