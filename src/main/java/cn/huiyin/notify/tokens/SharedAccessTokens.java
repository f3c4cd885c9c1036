package cn.huiyin.notify.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;

/**
 * Access tokens of outside APIs (WeChat, WeCom), one per account for all replicas. Both count token fetches against a
 * small daily quota, and a WeChat fetch also ends the token before, so replicas must not each fetch their own: the
 * token lives in Redis (under the service's key prefix) until shortly before it expires, and a Redis lock lets one
 * replica fetch a new one while the others wait briefly and read what it stored. Without Redis a replica fetches (and
 * keeps) its own, one fetch at a time.
 */
@ApplicationScoped
public class SharedAccessTokens {

    private static final Logger LOG = Logger.getLogger(SharedAccessTokens.class);

    private static final Duration REDIS_PATIENCE = Duration.ofSeconds(1);
    /** How long the fetch lock is held at most (a replica that dies holding it loses it after this). */
    private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);
    /** Rounds of waiting for another replica's fetch: a little longer than one fetch may take. */
    private static final int WAIT_ROUNDS = 60;
    /** Deletes KEYS[1] only while it still holds ARGV[1]. */
    private static final String COMPARE_AND_DELETE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end""";

    /**
     * Whose token: {@code api} names the outside API in keys and logs ({@code wechat}, {@code wecom}), {@code account}
     * the account or app within it.
     */
    public record Account(String api, String account) {
        @Override
        public String toString() {
            return api + " account " + account;
        }
    }

    /** A token just fetched, and how long it may be handed out (a little less than the API's own expiry). */
    public record Fetched(String token, Duration usableFor) {
    }

    /** A token this replica fetched while Redis was unreachable. */
    private record Local(String token, Instant refreshAt) {
    }

    /** Marks a failure of Redis (not of the outside API): the caller may go on without the shared cache. */
    private static final class RedisDown extends RuntimeException {
        RedisDown(Throwable cause) {
            super(String.valueOf(cause.getMessage()), cause, false, false);
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final Map<Account, Local> withoutRedis = new ConcurrentHashMap<>();
    private final Map<Account, CompletableFuture<Fetched>> fetchingWithoutRedis = new ConcurrentHashMap<>();

    @Inject
    public SharedAccessTokens(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    /** A valid token of the account: the shared one, or one {@code fetch} gets when there is none. */
    public Uni<String> token(Account account, Supplier<Uni<Fetched>> fetch) {
        String owner = UUID.randomUUID().toString();
        return Uni.createFrom().deferred(() -> sharedOrFetched(account, fetch, owner, 0))
                .onFailure(RedisDown.class).recoverWithUni(down -> {
                    LOG.debugf("%s access token without Redis (%s): fetching it here", account, down.getMessage());
                    return withoutRedis(account, fetch);
                });
    }

    /**
     * Forgets {@code staleToken} (the API refused it), unless the cache already holds another token: one that someone
     * fetched after it, which must not be thrown away.
     */
    public Uni<Void> invalidate(Account account, String staleToken) {
        withoutRedis.computeIfPresent(account, (which, local) -> local.token().equals(staleToken) ? null : local);
        return patiently(redis.execute(Command.EVAL, COMPARE_AND_DELETE, "1", tokenKey(account), staleToken))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("stale %s token not dropped from Redis: %s", account,
                        failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<String> sharedOrFetched(Account account, Supplier<Uni<Fetched>> fetch, String owner, int round) {
        return patiently(values.get(tokenKey(account))).chain(shared -> {
            if (shared != null) {
                return Uni.createFrom().item(shared);
            }
            return lock(account, owner).chain(locked -> {
                if (locked) {
                    return fetchHoldingLock(account, fetch, owner);
                }
                if (round >= WAIT_ROUNDS) {
                    return Uni.createFrom().failure(new IllegalStateException(
                            "the access token of " + account + " is still being fetched elsewhere"));
                }
                return pause().chain(() -> sharedOrFetched(account, fetch, owner, round + 1));
            });
        });
    }

    /** Fetches and shares a new token; the lock is released whatever happens. */
    private Uni<String> fetchHoldingLock(Account account, Supplier<Uni<Fetched>> fetch, String owner) {
        String key = tokenKey(account);
        // another replica may have stored a token between our read and our lock
        return patiently(values.get(key)).onFailure().recoverWithNull()
                .chain(shared -> shared != null ? Uni.createFrom().item(shared)
                        : fetch.get().call(fresh -> patiently(
                                values.set(key, fresh.token(), new SetArgs().px(fresh.usableFor())))
                                .onFailure().invoke(failure -> LOG.debugf("%s token not shared: %s", account,
                                        failure.getMessage()))
                                .onFailure().recoverWithNull())
                                .map(Fetched::token))
                .eventually(() -> unlock(account, owner));
    }

    /** This replica's own token; concurrent callers share one fetch, so a burst does not fetch a token each. */
    private Uni<String> withoutRedis(Account account, Supplier<Uni<Fetched>> fetch) {
        Local known = withoutRedis.get(account);
        if (known != null && clock.instant().isBefore(known.refreshAt())) {
            return Uni.createFrom().item(known.token());
        }
        CompletableFuture<Fetched> mine = new CompletableFuture<>();
        CompletableFuture<Fetched> running = fetchingWithoutRedis.putIfAbsent(account, mine);
        if (running == null) {
            running = mine;
            fetch.get().subscribe().with(fresh -> {
                withoutRedis.put(account, new Local(fresh.token(), clock.instant().plus(fresh.usableFor())));
                fetchingWithoutRedis.remove(account, mine);
                mine.complete(fresh);
            }, failure -> {
                fetchingWithoutRedis.remove(account, mine);
                mine.completeExceptionally(failure);
            });
        }
        return Uni.createFrom().completionStage(running).map(Fetched::token);
    }

    private Uni<Boolean> lock(Account account, String owner) {
        return patiently(redis.execute(Command.SET, lockKey(account), owner, "NX", "PX",
                String.valueOf(LOCK_LEASE.toMillis())))
                .map(reply -> reply != null && "OK".equalsIgnoreCase(reply.toString()));
    }

    private Uni<Void> unlock(Account account, String owner) {
        return patiently(redis.execute(Command.EVAL, COMPARE_AND_DELETE, "1", lockKey(account), owner))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("%s token lock left to expire: %s", account,
                        failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> pause() {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(WAIT_STEP.toMillis(), id -> emitter.complete(null)));
    }

    /** A Redis call bounded in time, whose failure is marked as Redis's. */
    private static <T> Uni<T> patiently(Uni<T> call) {
        return call.ifNoItem().after(REDIS_PATIENCE).fail().onFailure().transform(RedisDown::new);
    }

    /** {@code <prefix><api>:token:<account>}. */
    private String tokenKey(Account account) {
        return keyPrefix + account.api() + ":token:" + account.account();
    }

    private String lockKey(Account account) {
        return keyPrefix + account.api() + ":token-lock:" + account.account();
    }
}
