package cn.huiyin.replicas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * A Redis as the replicas' tests use it (the local one on 6379 unless a test names its own): removes the keys under one
 * prefix (SCAN and DEL; never a flush of the whole server), and publishes to a channel as another replica would.
 */
final class RedisKeys {

    static final String LOCAL = "redis://127.0.0.1:6379";

    private RedisKeys() {
    }

    static void deleteUnder(String prefix) throws Exception {
        deleteUnder(LOCAL, prefix);
    }

    static void deleteUnder(String redisUri, String prefix) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, redisUri));
            String cursor = "0";
            do {
                Response page = join(redis.scan(List.of(cursor, "MATCH", prefix + "*", "COUNT", "500")));
                cursor = page.get(0).toString();
                List<String> keys = new ArrayList<>();
                page.get(1).forEach(key -> keys.add(key.toString()));
                if (!keys.isEmpty()) {
                    join(redis.del(keys));
                }
            } while (!"0".equals(cursor));
            redis.close();
        } finally {
            join(vertx.close());
        }
    }

    static void publish(String channel, String message) throws Exception {
        publish(LOCAL, channel, message);
    }

    static void publish(String redisUri, String channel, String message) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, redisUri));
            join(redis.publish(channel, message));
            redis.close();
        } finally {
            join(vertx.close());
        }
    }

    private static <T> T join(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
