package cn.huiyin.evaluation.application;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.evaluation.EvaluationConfig;
import cn.huiyin.evaluation.domain.ReturnVisitSample;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.domain.ClockKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A reply opens an evaluation round (1, 2, … after rework), in the reply's own transaction: the rating clock
 * starts (and the return-visit clock when the round is sampled for a visit), RATING_REQUESTED is recorded and
 * the outbox asks the appellant on its own channel.
 */
@ApplicationScoped
public class EvaluationRounds {

    /** The replied appeal, as the reply's transaction holds it (locked). */
    public record Replied(long appealId, String trackingNo, String channel, String appealType, String category,
            boolean urgent) {
    }

    public static final String ACTOR = "system:evaluation";

    @Inject
    EvaluationRepository rounds;

    @Inject
    EvaluationSteps steps;

    @Inject
    SlaClockService clocks;

    @Inject
    EvaluationConfig config;

    public Uni<Void> open(SqlConnection tx, Replied appeal, Instant at) {
        return rounds.nextRound(tx, appeal.appealId()).chain(round -> {
            boolean sampled = ReturnVisitSample.sampled(appeal.trackingNo(), round, config.returnVisitSamplePercent());
            Instant linkExpiresAt = at.plus(config.linkLifetime());
            ClockKind[] kinds = sampled ? new ClockKind[] { ClockKind.EVALUATE, ClockKind.FEEDBACK }
                    : new ClockKind[] { ClockKind.EVALUATE };
            return rounds.openRound(tx, appeal.appealId(), round, at, linkExpiresAt, sampled ? "SAMPLE" : null)
                    .chain(() -> clocks.start(tx, appeal.appealId(), round, appeal.appealType(),
                            appeal.category(), appeal.urgent(), at, kinds))
                    .chain(() -> steps.append(tx, appeal.appealId(), new EvaluationSteps.Pending().add(
                            new AppealEvent.RatingRequested(round), ACTOR, at, null, Visibility.PUBLIC)))
                    .chain(() -> steps.notify(tx, appeal.appealId(), new AppealNotice.RatingRequested(appeal.trackingNo(),
                            appeal.channel(), round, linkExpiresAt.getEpochSecond())));
        });
    }
}
