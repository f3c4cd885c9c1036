package cn.huiyin.evaluation.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.evaluation.EvaluationConfig;
import cn.huiyin.evaluation.domain.Rating;
import cn.huiyin.evaluation.domain.RatingDefault;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.ClockExpiry;
import cn.huiyin.sla.domain.ClockKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The rating window ran out (the EVALUATE clock's expiry timer fired): the configured default level is recorded
 * for the round, marked defaulted. It runs in the sweeper's claiming transaction, so it happens exactly once;
 * a round rated meanwhile, or an appeal that moved on, is left alone. An appeal locked by someone else (the
 * enterprise rating it this very moment) is handed back and tried at the next sweep, never waited for.
 */
@ApplicationScoped
public class DefaultRating implements ClockExpiry {

    private static final Logger LOG = Logger.getLogger(DefaultRating.class);

    @Inject
    EvaluationRepository rounds;

    @Inject
    RatingRecorder recorder;

    @Inject
    EvaluationConfig config;

    @Override
    public boolean handles(String clock) {
        return ClockKind.EVALUATE.name().equals(clock);
    }

    @Override
    public Uni<List<Expired>> expired(SqlConnection tx, List<Expired> expired, Instant now) {
        Rating rating = RatingDefault.of(config.defaultLevel(), config.defaultResolved()).rating();
        List<Expired> busy = new ArrayList<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Expired e : expired) {
            all = all.chain(() -> one(tx, e, rating, now, busy));
        }
        return all.replaceWith(busy);
    }

    private Uni<Void> one(SqlConnection tx, Expired e, Rating rating, Instant now, List<Expired> busy) {
        return rounds.lockIfFree(tx, e.appealId()).chain(found -> {
            if (found.isEmpty()) {
                busy.add(e);
                return Uni.createFrom().voidItem();
            }
            if (!AppealStatus.REPLIED.name().equals(found.get().status())) {
                return Uni.createFrom().voidItem();
            }
            return rounds.rating(tx, e.appealId(), e.round()).chain(rated -> rated.isPresent()
                    ? Uni.createFrom().voidItem()
                    : recorder.record(tx, found.get(), e.round(), rating, "DEFAULT", EvaluationRounds.ACTOR, now)
                            // refused before anything was written (an older round): skip, never block the batch
                            .onFailure(ProblemException.class).invoke(refused -> LOG.warnf(
                                    "no default rating for appeal %d round %d: %s", e.appealId(), e.round(),
                                    refused.getMessage()))
                            .onFailure(ProblemException.class).recoverWithNull()
                            .replaceWithVoid());
        });
    }
}
