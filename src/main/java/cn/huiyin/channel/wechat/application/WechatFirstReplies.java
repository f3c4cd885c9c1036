package cn.huiyin.channel.wechat.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.channel.wechat.domain.InboundMessage;
import cn.huiyin.channel.wechat.persistence.WechatRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The first reply to every message, kept in {@code wechat_message}. WeChat retries a push it got no answer to
 * in time, and two deliveries of one message may race: whichever claims the message first decides the reply,
 * and every other delivery answers with it and changes nothing.
 */
@ApplicationScoped
public class WechatFirstReplies {

    @Inject
    WechatRepository repository;

    @Inject
    Pool pool;

    /** The reply already given to this message, if it was handled before (a retry). */
    Uni<Optional<String>> of(String account, InboundMessage message) {
        return repository.firstReply(account, key(message));
    }

    /** Keeps {@code reply} as the message's answer on its own; the first reply when another delivery won. */
    Uni<String> keep(String account, InboundMessage message, String reply) {
        return pool.withTransaction(tx -> claim(tx, account, message, reply))
                .chain(claimed -> settled(account, message, reply, claimed));
    }

    /** Claims the message in {@code tx}, for a change that must commit with its reply or not at all. */
    Uni<Boolean> claim(SqlClient tx, String account, InboundMessage message, String reply) {
        return repository.claim(tx, account, key(message), message.fromUser(), reply);
    }

    /** {@code reply} when this delivery claimed the message, else the reply of the delivery that did. */
    Uni<String> settled(String account, InboundMessage message, String reply, boolean claimed) {
        return claimed ? Uni.createFrom().item(reply)
                : repository.firstReply(account, key(message)).map(first -> first.orElse(reply));
    }

    /**
     * The message's retry key scoped to its sender: another sender presenting the same MsgId is another
     * message, and never sees this one's reply.
     */
    static String key(InboundMessage message) {
        return key(message.fromUser(), message.dedupeKey());
    }

    static String key(String fromUser, String messageDedupeKey) {
        return fromUser + "|" + messageDedupeKey;
    }
}
