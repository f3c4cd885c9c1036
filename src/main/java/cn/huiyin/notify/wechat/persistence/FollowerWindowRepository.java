package cn.huiyin.notify.wechat.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * When a follower last wrote to an account (the WeChat callback records it in {@code wechat_follower}): within 48
 * hours a customer-service message reaches them, after that only a template message does.
 */
@ApplicationScoped
public class FollowerWindowRepository {

    @Inject
    Pool pool;

    /** Whether the follower wrote to the account within the last 48 hours (unknown followers did not). */
    public Uni<Boolean> withinWindow(String accountName, String openId) {
        return pool.preparedQuery("""
                SELECT last_message_at > now() - interval '48 hours' AS inside FROM wechat_follower
                WHERE account = $1 AND open_id = $2""")
                .execute(Tuple.of(accountName, openId))
                .map(rows -> rows.iterator().hasNext() && Boolean.TRUE.equals(rows.iterator().next().getBoolean("inside")));
    }
}
