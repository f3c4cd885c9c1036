package cn.huiyin.notify.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
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

    /** Tokens are dropped from the cache this long before WeChat's own expiry. */
    static final Duration EARLY_REFRESH = Duration.ofMinutes(5);
    /** How long one call to WeChat may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REDIS_PATIENCE = Duration.ofSeconds(1);
    /** How long the refresh lock is held at most (a replica that dies holding it loses it after this). */
    private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);
    /** Rounds of waiting for another replica's refresh: a little longer than one token fetch may take. */
    private static final int WAIT_ROUNDS = 60;
    /** Deletes KEYS[1] only while it still holds ARGV[1]. */
    private static final String COMPARE_AND_DELETE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end""";

    /** A token just fetched, and how long it may be handed out. */
    record Fetched(String token, Duration usableFor) {
    }

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
    Vertx vertx;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final Map<String, Local> withoutRedis = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Fetched>> fetchingWithoutRedis = new ConcurrentHashMap<>();
    private WebClient client;

    @Inject
    public WechatAccessTokens(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) CALL_TIMEOUT.toMillis()));
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
                        : fetch(accountName, account).call(fresh -> patiently(
                                values.set(key, fresh.token(), new SetArgs().px(fresh.usableFor())))
                                .onFailure().invoke(failure -> LOG.debugf("WeChat token of %s not shared: %s",
                                        accountName, failure.getMessage()))
                                .onFailure().recoverWithNull())
                                .map(Fetched::token))
                .eventually(() -> unlock(accountName, owner));
    }

    /** This replica's own token; concurrent callers share one fetch, so a burst does not fetch a token each. */
    private Uni<String> withoutRedis(String accountName, WechatConfig.Account account) {
        Local known = withoutRedis.get(accountName);
        if (known != null && clock.instant().isBefore(known.refreshAt())) {
            return Uni.createFrom().item(known.token());
        }
        CompletableFuture<Fetched> mine = new CompletableFuture<>();
        CompletableFuture<Fetched> running = fetchingWithoutRedis.putIfAbsent(accountName, mine);
        if (running == null) {
            running = mine;
            fetch(accountName, account).subscribe().with(fresh -> {
                withoutRedis.put(accountName, new Local(fresh.token(), clock.instant().plus(fresh.usableFor())));
                fetchingWithoutRedis.remove(accountName, mine);
                mine.complete(fresh);
            }, failure -> {
                fetchingWithoutRedis.remove(accountName, mine);
                mine.completeExceptionally(failure);
            });
        }
        return Uni.createFrom().completionStage(running).map(Fetched::token);
    }

    /** {@code GET /cgi-bin/token}: a new token, which also starts the old one's expiry at WeChat. */
    private Uni<Fetched> fetch(String accountName, WechatConfig.Account account) {
        return client.getAbs(apiBase() + "/cgi-bin/token")
                .addQueryParam("grant_type", "client_credential")
                .addQueryParam("appid", account.appId())
                .addQueryParam("secret", account.appSecret().orElse(""))
                .timeout(CALL_TIMEOUT.toMillis())
                .send()
                .ifNoItem().after(CALL_TIMEOUT).failWith(() -> new IllegalStateException(
                        "WeChat token endpoint did not answer within " + CALL_TIMEOUT.toSeconds() + " s"))
                .map(response -> {
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        throw new IllegalStateException("WeChat token endpoint answered HTTP " + response.statusCode());
                    }
                    JsonObject body;
                    try {
                        body = response.bodyAsJsonObject();
                    } catch (RuntimeException unreadable) {
                        throw new IllegalStateException("WeChat token endpoint answered something other than JSON");
                    }
                    if (body == null) {
                        throw new IllegalStateException("WeChat token endpoint answered an empty body");
                    }
                    Number errcode = numberOrNull(body.getValue("errcode"));
                    String token = body.getString("access_token");
                    if ((errcode != null && errcode.intValue() != 0) || token == null || token.isBlank()) {
                        throw new IllegalStateException("WeChat refused an access token for account " + accountName
                                + ": errcode " + (errcode == null ? "?" : errcode.intValue()) + " "
                                + body.getString("errmsg", ""));
                    }
                    Number expiresIn = numberOrNull(body.getValue("expires_in"));
                    return new Fetched(token, usableFor(expiresIn == null ? 7200 : expiresIn.longValue()));
                });
    }

    /** WeChat's lifetime less the early-refresh margin (half the lifetime, should WeChat ever grant a short one). */
    static Duration usableFor(long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(Math.max(1, expiresInSeconds));
        Duration early = lifetime.minus(EARLY_REFRESH);
        return early.compareTo(lifetime.dividedBy(2)) >= 0 ? early : Duration.ofMillis(Math.max(1000, lifetime.toMillis() / 2));
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

    private static Number numberOrNull(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private String apiBase() {
        String base = config.apiBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private String tokenKey(String accountName) {
        return keyPrefix + "wechat:token:" + accountName;
    }

    private String lockKey(String accountName) {
        return keyPrefix + "wechat:token-lock:" + accountName;
    }
}
