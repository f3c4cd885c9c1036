package cn.huiyin.intake.application;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.intake.IntakeConfig;
import cn.huiyin.intake.persistence.IntakeRepository;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Remembers which appeal an idempotency key produced. Redis answers first (one round trip, no database
 * read for a new key); when Redis is unreachable the database answers, and its unique constraint on the
 * dedupe key has the last word either way.
 */
@ApplicationScoped
public class DedupeGuard {

    private static final Logger LOG = Logger.getLogger(DedupeGuard.class);
    private static final Duration REDIS_PATIENCE = Duration.ofMillis(300);

    /** What a key is already bound to. */
    public record Claim(String trackingNo, String requestHash) {
    }

    /** The result of claiming a key: either it was free (now ours), or it already pointed at an appeal. */
    public record Reservation(boolean fresh, Claim claim) {
    }

    @Inject
    IntakeRepository appeals;

    @Inject
    IntakeConfig config;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    private final ReactiveValueCommands<String, String> values;

    @Inject
    public DedupeGuard(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** Binds {@code dedupeKey} to {@code candidate} unless it is bound already. */
    public Uni<Reservation> reserve(String dedupeKey, Claim candidate) {
        return values.setGet(redisKey(dedupeKey), encode(candidate), new SetArgs().nx().px(config.dedupeTtl()))
                .ifNoItem().after(REDIS_PATIENCE).fail()
                .map(previous -> previous == null
                        ? new Reservation(true, candidate)
                        : new Reservation(false, decode(previous)))
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("dedupe falls back to the database: %s", failure.getMessage());
                    return storedClaim(dedupeKey).map(stored -> stored
                            .map(claim -> new Reservation(false, claim))
                            .orElseGet(() -> new Reservation(true, candidate)));
                });
    }

    /** The appeal stored under this key, if any: the database's answer. */
    public Uni<Optional<Claim>> storedClaim(String dedupeKey) {
        return appeals.storedUnder(dedupeKey)
                .map(stored -> stored.map(found -> new Claim(found.trackingNo(), found.requestHash())));
    }

    private String redisKey(String dedupeKey) {
        return keyPrefix + "dedupe:" + dedupeKey;
    }

    private static String encode(Claim claim) {
        return claim.trackingNo() + "|" + claim.requestHash();
    }

    private static Claim decode(String value) {
        int bar = value.indexOf('|');
        return new Claim(value.substring(0, bar), value.substring(bar + 1));
    }
}
