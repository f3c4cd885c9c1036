package cn.huiyin.workqueue.application;

import java.time.Instant;

import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** What an answer starts (e.g. the evaluation round), written in the reply's own transaction. */
public interface AfterReply {

    Uni<Void> write(SqlConnection tx, Locked appeal, Instant repliedAt);
}
