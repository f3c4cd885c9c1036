package cn.huiyin.channel.wechat.application;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * The question a follower was last answered by an article, for {@code huiyin.wechat.escalate-window} (24 h): what
 * "转人工" hands over and what "有用"/"没用" rate. Kept in Redis, per account and follower, with the key of the
 * message that asked it, so that the appeal it becomes carries that message's dedupe key however often it is
 * asked for. Redis is the only place it is kept: when Redis is away the follower is asked to describe the problem
 * again (and the answer's feedback goes unrecorded), which loses nothing they wrote.
 */
@ApplicationScoped
public class WechatAnsweredQuestions {

    private static final Logger LOG = Logger.getLogger(WechatAnsweredQuestions.class);
    private static final Duration REDIS_PATIENCE = Duration.ofMillis(500);

    /** {@code messageKey}: the asking message's {@code dedupeKey()}; {@code content}: what it said, whole. */
    public record AnsweredQuestion(String messageKey, String content, UUID shownId, long articleId) {
    }

    private final ReactiveValueCommands<String, String> values;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    /** How long after an article's answer "转人工" and "有用"/"没用" still refer to it. */
    @ConfigProperty(name = "huiyin.wechat.escalate-window", defaultValue = "24h")
    Duration window;

    @Inject
    public WechatAnsweredQuestions(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    public Uni<Void> remember(String replyTo, AnsweredQuestion question) {
        return values.setex(key(replyTo), window.toSeconds(), encode(question))
                .ifNoItem().after(REDIS_PATIENCE).fail()
                .onFailure().invoke(failure -> LOG.warnf("answered question of %s not remembered: %s", replyTo,
                        failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Optional<AnsweredQuestion>> last(String replyTo) {
        return values.get(key(replyTo)).ifNoItem().after(REDIS_PATIENCE).fail()
                .map(found -> Optional.ofNullable(found).map(this::decode))
                .onFailure().recoverWithItem(Optional.empty());
    }

    private String key(String replyTo) {
        return keyPrefix + "wechat:answered:" + replyTo;
    }

    private String encode(AnsweredQuestion question) {
        try {
            return json.writeValueAsString(question);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AnsweredQuestion decode(String stored) {
        try {
            return json.readValue(stored, AnsweredQuestion.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answered question in Redis", e);
        }
    }
}
