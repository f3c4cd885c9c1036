package cn.huiyin.notify.wechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.tokens.SharedAccessTokens;
import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import io.smallrye.mutiny.Uni;

/**
 * WeChat API access tokens, one per account for all replicas. Every fetch of a new token invalidates the one before
 * (after a short grace period), so replicas must not each fetch their own: it is shared through Redis under
 * {@code <prefix>wechat:token:<account>}.
 */
@ApplicationScoped
public class WechatAccessTokens {

    @Inject
    WechatConfig config;

    @Inject
    WechatTokenEndpoint endpoint;

    @Inject
    SharedAccessTokens shared;

    /** A valid access token of the account: the shared one, or a fresh one when there is none. */
    public Uni<String> token(String accountName) {
        WechatConfig.Account account = config.accounts().get(accountName);
        if (account == null) {
            return Uni.createFrom().failure(new PermanentFailure("no WeChat account named " + accountName));
        }
        if (account.appSecret().filter(s -> !s.isBlank()).isEmpty()) {
            return Uni.createFrom().failure(new PermanentFailure("WeChat account " + accountName + " has no app-secret"));
        }
        return shared.token(account(accountName), () -> endpoint.fetch(accountName, account));
    }

    /** Forgets {@code staleToken} (WeChat refused it), unless someone has already fetched another. */
    public Uni<Void> invalidate(String accountName, String staleToken) {
        return shared.invalidate(account(accountName), staleToken);
    }

    private static SharedAccessTokens.Account account(String accountName) {
        return new SharedAccessTokens.Account("wechat", accountName);
    }
}
