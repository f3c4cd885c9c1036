package cn.huiyin.evaluation.messaging;

import java.util.Optional;

/**
 * Whom a WeChat appeal's answers go to, from the appeal's {@code reply_to}: {@code <account>/<openid>}, the official
 * account the follower wrote to and the follower on it. Anything else names nobody to write to.
 */
record WechatRecipient(String account, String openId) {

    static Optional<WechatRecipient> of(String replyTo) {
        int slash = replyTo == null ? -1 : replyTo.indexOf('/');
        if (slash <= 0 || slash == replyTo.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new WechatRecipient(replyTo.substring(0, slash), replyTo.substring(slash + 1)));
    }
}
