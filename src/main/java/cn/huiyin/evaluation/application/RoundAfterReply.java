package cn.huiyin.evaluation.application;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.evaluation.application.EvaluationRounds.Replied;
import cn.huiyin.workqueue.application.AfterReply;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The answer opens an evaluation round, in the reply's transaction: rating clock, rating request, return visit if sampled. */
@ApplicationScoped
public class RoundAfterReply implements AfterReply {

    @Inject
    EvaluationRounds rounds;

    @Override
    public Uni<Void> write(SqlConnection tx, Answered appeal, Instant repliedAt) {
        return rounds.open(tx, new Replied(appeal.id(), appeal.trackingNo(), appeal.channel(), appeal.appealType(),
                appeal.category(), appeal.urgent()), repliedAt);
    }
}
