package cn.huiyin.notify.wecom;

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

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;

/**
 * WeCom access tokens, one per app for all replicas. WeCom counts {@code gettoken} calls against a small daily quota
 * and wants the token cached, so it lives in Redis (under the service's key prefix) until shortly before it expires;
 * a Redis lock lets one replica fetch a new one while the others wait briefly and read what it stored. Without Redis
 * a replica fetches (and keeps) its own, one fetch at a time.
 */
@ApplicationScoped
public class WecomAccessTokens {

    private static final Logger LOG = Logger.getLogger(WecomAccessTokens.class);

    private static final Duration REDIS_PATIENCE = Duration.ofSeconds(1);
    /** How long the refresh lock is held at most (a replica that dies holding it loses it after this). */
    private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);
    /** Rounds of waiting for another replica's fetch: a little longer than one fetch may take. */
    private static final int WAIT_ROUNDS = 60;
    /** Deletes KEYS[1] only while it still holds ARGV[1]. */
    private static final String COMPARE_AND_DELETE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end""";

    /** A token this replica fetched while Redis was unreachable. */
    private record Local(String token, Instant refreshAt) {
    }

    /** Marks a failure of Redis (not of WeCom): the caller may go on without the shared cache. */
    private static final class RedisDown extends RuntimeException {
        RedisDown(Throwable cause) {
            super(String.valueOf(cause.getMessage()), cause, false, false);
        }
    }

    @Inject
    WecomTokenEndpoint endpoint;

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final Map<String, Local> withoutRedis = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<WecomTokenEndpoint.Fetched>> fetchingWithoutRedis = new ConcurrentHashMap<>();

    @Inject
    public WecomAccessTokens(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    /** A valid access token of the app: the shared one, or a fresh one when there is none. */
    public Uni<String> token(WecomAgent agent) {
        String owner = UUID.randomUUID().toString();
        return Uni.createFrom().deferred(() -> sharedOrFetched(agent, owner, 0))
                .onFailure(RedisDown.class).recoverWithUni(down -> {
                    LOG.debugf("WeCom access token of %s without Redis (%s): fetching it here", agent.name(),
                            down.getMessage());
                    return withoutRedis(agent);
                });
    }

    /**
     * Forgets {@code staleToken} (WeCom refused it), unless the cache already holds another token: one that someone
     * fetched after it, which must not be thrown away.
     */
    public Uni<Void> invalidate(WecomAgent agent, String staleToken) {
        withoutRedis.computeIfPresent(agent.name(), (name, local) -> local.token().equals(staleToken) ? null : local);
        return patiently(redis.execute(Command.EVAL, COMPARE_AND_DELETE, "1", tokenKey(agent), staleToken))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("stale WeCom token of %s not dropped from Redis: %s",
                        agent.name(), failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<String> sharedOrFetched(WecomAgent agent, String owner, int round) {
        return patiently(values.get(tokenKey(agent))).chain(shared -> {
            if (shared != null) {
                return Uni.createFrom().item(shared);
            }
            return lock(agent, owner).chain(locked -> {
                if (locked) {
                    return fetchHoldingLock(agent, owner);
                }
                if (round >= WAIT_ROUNDS) {
                    return Uni.createFrom().failure(new IllegalStateException(
                            "the WeCom access token of " + agent.name() + " is still being fetched elsewhere"));
                }
                return pause().chain(() -> sharedOrFetched(agent, owner, round + 1));
            });
        });
    }

    /** Fetches and shares a new token; the lock is released whatever happens. */
    private Uni<String> fetchHoldingLock(WecomAgent agent, String owner) {
        String key = tokenKey(agent);
        // another replica may have stored a token between our read and our lock
        return patiently(values.get(key)).onFailure().recoverWithNull()
                .chain(shared -> shared != null ? Uni.createFrom().item(shared)
                        : endpoint.fetch(agent).call(fresh -> patiently(
                                values.set(key, fresh.token(), new SetArgs().px(fresh.usableFor())))
                                .onFailure().invoke(failure -> LOG.debugf("WeCom token of %s not shared: %s",
                                        agent.name(), failure.getMessage()))
                                .onFailure().recoverWithNull())
                                .map(WecomTokenEndpoint.Fetched::token))
                .eventually(() -> unlock(agent, owner));
    }

    /** This replica's own token; concurrent callers share one fetch. */
    private Uni<String> withoutRedis(WecomAgent agent) {
        Local known = withoutRedis.get(agent.name());
        if (known != null && clock.instant().isBefore(known.refreshAt())) {
            return Uni.createFrom().item(known.token());
        }
        CompletableFuture<WecomTokenEndpoint.Fetched> mine = new CompletableFuture<>();
        CompletableFuture<WecomTokenEndpoint.Fetched> running = fetchingWithoutRedis.putIfAbsent(agent.name(), mine);
        if (running == null) {
            running = mine;
            endpoint.fetch(agent).subscribe().with(fresh -> {
                withoutRedis.put(agent.name(), new Local(fresh.token(), clock.instant().plus(fresh.usableFor())));
                fetchingWithoutRedis.remove(agent.name(), mine);
                mine.complete(fresh);
            }, failure -> {
                fetchingWithoutRedis.remove(agent.name(), mine);
                mine.completeExceptionally(failure);
            });
        }
        return Uni.createFrom().completionStage(running).map(WecomTokenEndpoint.Fetched::token);
    }

    private Uni<Boolean> lock(WecomAgent agent, String owner) {
        return patiently(redis.execute(Command.SET, lockKey(agent), owner, "NX", "PX",
                String.valueOf(LOCK_LEASE.toMillis())))
                .map(reply -> reply != null && "OK".equalsIgnoreCase(reply.toString()));
    }

    private Uni<Void> unlock(WecomAgent agent, String owner) {
        return patiently(redis.execute(Command.EVAL, COMPARE_AND_DELETE, "1", lockKey(agent), owner))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("WeCom token lock of %s left to expire: %s", agent.name(),
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

    /** {@code <prefix>wecom:token:<corpId>:<agentId>}: one token per app. */
    String tokenKey(WecomAgent agent) {
        return keyPrefix + "wecom:token:" + agent.name();
    }

    private String lockKey(WecomAgent agent) {
        return keyPrefix + "wecom:token-lock:" + agent.name();
    }
}
