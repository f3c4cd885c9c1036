package cn.huiyin.evaluation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealDecisions;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.evaluation.domain.Rating;
import cn.huiyin.evaluation.domain.VisitFinding;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.evaluation.persistence.ReturnVisitRepository;
import cn.huiyin.evaluation.persistence.ReturnVisitRepository.Due;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.domain.ClockKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Return visits (回访) by the district centre: the queue of rounds to call back, and the finding, which confirms
 * or overturns the round's rating. Recording it stops the round's return-visit clock and may archive the appeal.
 */
@ApplicationScoped
public class ReturnVisitService {

    /** The recorded visit and where the appeal stands after it. */
    public record Visited(String trackingNo, int round, boolean overturned, boolean unresolvedClosure, String status) {
    }

    @Inject
    Pool pool;

    @Inject
    EvaluationRepository appeals;

    @Inject
    ReturnVisitRepository visits;

    @Inject
    EvaluationSteps steps;

    @Inject
    SlaClockService clocks;

    @Inject
    Clock clock;

    public Uni<List<Due>> queue(int limit) {
        return visits.queue(limit);
    }

    public Uni<Visited> record(String rawTrackingNo, int round, VisitFinding finding, Caller caller) {
        String trackingNo = RatingService.canonical(rawTrackingNo);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, trackingNo).chain(found -> {
            var appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            return appeals.roundExists(tx, appeal.id(), round).chain(exists -> {
                if (!exists) {
                    throw ProblemException.notFound("Round " + round + " of appeal " + trackingNo);
                }
                return appeals.rating(tx, appeal.id(), round);
            }).chain(rating -> {
                Rating rated = rating.orElse(null);
                boolean overturned = finding.overturns(rated);
                boolean unresolved = finding.findsClosureUnresolved(rated);
                return visits.insert(tx, appeal.id(), round, finding, overturned, caller.actor(), now).chain(inserted -> {
                    if (!inserted) {
                        throw new ProblemException(Problem.of(409, "already-visited", "Already visited",
                                "The return visit of round " + round + " has been recorded already"));
                    }
                    AppealEvent.ReturnVisited visited = new AppealEvent.ReturnVisited(round, finding.outcome(),
                            finding.resolved(), finding.level() == null ? null : finding.level().level(), overturned,
                            unresolved, finding.summary() + (overturned ? "（与评价不符）" : ""));
                    return (unresolved ? visits.flagUnresolvedClosure(tx, appeal.id(), round) : Uni.createFrom().voidItem())
                            .chain(() -> clocks.stopRound(tx, appeal.id(), ClockKind.FEEDBACK, round, now))
                            .chain(() -> appeals.visitPending(tx, appeal.id()))
                            .map(anotherDue -> AppealDecisions.taken(appeal.aggregate().recordVisit(visited, finding.note(),
                                    anotherDue), trackingNo))
                            .chain(taken -> steps.write(tx, appeal, taken, caller.actor(), now))
                            .call(() -> steps.notify(tx, appeal.id(), AppealNotice.Relayed.visited(visited)))
                            .map(status -> new Visited(trackingNo, round, overturned, unresolved, status.name()));
                });
            });
        }));
    }
}
