package cn.huiyin.notify.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;

/**
 * WeChat API access tokens, one per account for all replicas. Every fetch of a new token invalidates the
 * one before (after a short grace period), so replicas must not each fetch their own: the token lives in
 * Redis until shortly before WeChat lets it expire, and a Redis lock lets one replica refresh it while the
 * others wait briefly and read what it stored. Without Redis a replica fetches (and keeps) its own.
 */
@ApplicationScoped
public class WechatAccessTokens {

    private static final Logger LOG = Logger.getLogger(WechatAccessTokens.class);

    private static final Duration REDIS_PATIENCE = Duration.ofSeconds(1);
    /** How long the refresh lock is held at most (a replica that dies holding it loses it after this). */
    private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);
    /** Rounds of waiting for another replica's refresh: a little longer than one token fetch may take. */
    private static final int WAIT_ROUNDS = 60;
    /** Deletes KEYS[1] only while it still holds ARGV[1]. */
    private static final String COMPARE_AND_DELETE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end""";

    /** A token this replica fetched while Redis was unreachable. */
    private record Local(String token, Instant refreshAt) {
    }

    /** Marks a failure of Redis (not of WeChat): the caller may go on without the shared cache. */
    private static final class RedisDown extends RuntimeException {
        RedisDown(Throwable cause) {
            super(String.valueOf(cause.getMessage()), cause, false, false);
        }
    }

    @Inject
    WechatConfig config;

    @Inject
    WechatTokenEndpoint endpoint;

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final Map<String, Local> withoutRedis = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<WechatTokenEndpoint.Fetched>> fetchingWithoutRedis = new ConcurrentHashMap<>();

    @Inject
    public WechatAccessTokens(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    /** A valid access token of the account: the shared one, or a fresh one when there is none. */
    public Uni<String> token(String accountName) {
        WechatConfig.Account account = config.accounts().get(accountName);
        if (account == null) {
            return Uni.createFrom().failure(new PermanentFailure("no WeChat account named " + accountName));
        }
        if (account.appSecret().filter(s -> !s.isBlank()).isEmpty()) {
            return Uni.createFrom().failure(new PermanentFailure("WeChat account " + accountName + " has no app-secret"));
        }
        String owner = UUID.randomUUID().toString();
        return Uni.createFrom().deferred(() -> sharedOrRefreshed(accountName, account, owner, 0))
                .onFailure(RedisDown.class).recoverWithUni(down -> {
                    LOG.debugf("WeChat access token of %s without Redis (%s): fetching it here", accountName,
                            down.getMessage());
                    return withoutRedis(accountName, account);
                });
    }

    /**
     * Forgets {@code staleToken} (WeChat refused it), unless the cache already holds another token: one
     * that someone fetched after it, which must not be thrown away.
     */
    public Uni<Void> invalidate(String accountName, String staleToken) {
        withoutRedis.computeIfPresent(accountName, (name, local) -> local.token().equals(staleToken) ? null : local);
        return patiently(redis.execute(Command.EVAL, COMPARE_AND_DELETE, "1", tokenKey(accountName), staleToken))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("stale WeChat token of %s not dropped from Redis: %s",
                        accountName, failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<String> sharedOrRefreshed(String accountName, WechatConfig.Account account, String owner, int round) {
        return patiently(values.get(tokenKey(accountName))).chain(shared -> {
            if (shared != null) {
                return Uni.createFrom().item(shared);
            }
            return lock(accountName, owner).chain(locked -> {
                if (locked) {
                    return refreshHoldingLock(accountName, account, owner);
                }
                if (round >= WAIT_ROUNDS) {
                    return Uni.createFrom().failure(new IllegalStateException(
                            "the WeChat access token of " + accountName + " is still being refreshed elsewhere"));
                }
                return pause(WAIT_STEP).chain(() -> sharedOrRefreshed(accountName, account, owner, round + 1));
            });
        });
    }

    /** Fetches and shares a new token; the lock is released whatever happens. */
    private Uni<String> refreshHoldingLock(String accountName, WechatConfig.Account account, String owner) {
        String key = tokenKey(accountName);
        // another replica may have stored a token between our read and our lock
        return patiently(values.get(key)).onFailure().recoverWithNull()
                .chain(shared -> shared != null
                        ? Uni.createFrom().item(shared)
                        : endpoint.fetch(accountName, account).call(fresh -> patiently(
                                values.set(key, fresh.token(), new SetArgs().px(fresh.usableFor())))
                                .onFailure().invoke(failure -> LOG.debugf("WeChat token of %s not shared: %s",
                                        accountName, failure.getMessage()))
                                .onFailure().recoverWithNull())
                                .map(WechatTokenEndpoint.Fetched::token))
                .eventually(() -> unlock(accountName, owner));
    }

    /** This replica's own token; concurrent callers share one fetch, so a burst does not fetch a token each. */
    private Uni<String> withoutRedis(String accountName, WechatConfig.Account account) {
        Local known = withoutRedis.get(accountName);
        if (known != null && clock.instant().isBefore(known.refreshAt())) {
            return Uni.createFrom().item(known.token());
        }
        CompletableFuture<WechatTokenEndpoint.Fetched> mine = new CompletableFuture<>();
        CompletableFuture<WechatTokenEndpoint.Fetched> running = fetchingWithoutRedis.putIfAbsent(accountName, mine);
        if (running == null) {
            running = mine;
            endpoint.fetch(accountName, account).subscribe().with(fresh -> {
                withoutRedis.put(accountName, new Local(fresh.token(), clock.instant().plus(fresh.usableFor())));
                fetchingWithoutRedis.remove(accountName, mine);
                mine.complete(fresh);
            }, failure -> {
                fetchingWithoutRedis.remove(accountName, mine);
                mine.completeExceptionally(failure);
            });
        }
        return Uni.createFrom().completionStage(running).map(WechatTokenEndpoint.Fetched::token);
    }

    private Uni<Boolean> lock(String accountName, String owner) {
        return patiently(redis.execute(Command.SET, lockKey(accountName), owner, "NX", "PX",
                String.valueOf(LOCK_LEASE.toMillis())))
                .map(reply -> reply != null && "OK".equalsIgnoreCase(reply.toString()));
    }

    private Uni<Void> unlock(String accountName, String owner) {
        return patiently(redis.execute(Command.EVAL, COMPARE_AND_DELETE, "1", lockKey(accountName), owner))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("WeChat token lock of %s left to expire: %s", accountName,
                        failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> pause(Duration duration) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(duration.toMillis(), id -> emitter.complete(null)));
    }

    /** A Redis call bounded in time, whose failure is marked as Redis's. */
    private static <T> Uni<T> patiently(Uni<T> call) {
        return call.ifNoItem().after(REDIS_PATIENCE).fail().onFailure().transform(RedisDown::new);
    }

    private String tokenKey(String accountName) {
        return keyPrefix + "wechat:token:" + accountName;
    }

    private String lockKey(String accountName) {
        return keyPrefix + "wechat:token-lock:" + accountName;
    }
}
