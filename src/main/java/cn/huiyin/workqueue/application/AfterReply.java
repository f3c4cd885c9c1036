package cn.huiyin.workqueue.application;

import java.time.Instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** What an answer starts (e.g. the evaluation round), written in the reply's own transaction. */
public interface AfterReply {

    /** The appeal just answered, as those hooks need it. */
    record Answered(long id, String trackingNo, String channel, String appealType, String category, boolean urgent) {
    }

    Uni<Void> write(SqlConnection tx, Answered appeal, Instant repliedAt);
}
