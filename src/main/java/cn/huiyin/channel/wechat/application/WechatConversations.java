package cn.huiyin.channel.wechat.application;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.huiyin.notify.wechat.WechatConfig;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Which appeal a follower is talking about: their last appeal, for {@code supplement-window} after it.
 * Kept in Redis for speed and rebuilt from the database when Redis is empty or away.
 */
@ApplicationScoped
public class WechatConversations {

    private final ReactiveValueCommands<String, String> values;

    @Inject
    WechatRepository repository;

    @Inject
    WechatConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.redis.key-prefix")
    String keyPrefix;

    @Inject
    public WechatConversations(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** The tracking number of the appeal a follow-up from this sender belongs to, if any. */
    public Uni<Optional<String>> openAppeal(String replyTo) {
        return values.get(key(replyTo)).map(Optional::ofNullable)
                .onFailure().recoverWithItem(Optional.empty())
                .chain(cached -> cached.isPresent() ? Uni.createFrom().item(cached)
                        : repository.openAppealSince(replyTo, clock.instant().minus(config.supplementWindow()))
                                .map(found -> found.map(WechatRepository.AppealLine::trackingNo)));
    }

    public Uni<Void> remember(String replyTo, String trackingNo) {
        return values.setex(key(replyTo), config.supplementWindow().toSeconds(), trackingNo)
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private String key(String replyTo) {
        return keyPrefix + "wechat:conversation:" + replyTo;
    }
}
