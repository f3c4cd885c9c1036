package cn.huiyin.notify.wecom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.tokens.SharedAccessTokens;
import io.smallrye.mutiny.Uni;

/**
 * WeCom access tokens, one per app for all replicas. WeCom counts {@code gettoken} calls against a small daily quota
 * and wants the token cached: it is shared through Redis under {@code <prefix>wecom:token:<corpId>:<agentId>}.
 */
@ApplicationScoped
public class WecomAccessTokens {

    @Inject
    WecomTokenEndpoint endpoint;

    @Inject
    SharedAccessTokens shared;

    /** A valid access token of the app: the shared one, or a fresh one when there is none. */
    public Uni<String> token(WecomAgent agent) {
        return shared.token(account(agent), () -> endpoint.fetch(agent));
    }

    /** Forgets {@code staleToken} (WeCom refused it), unless someone has already fetched another. */
    public Uni<Void> invalidate(WecomAgent agent, String staleToken) {
        return shared.invalidate(account(agent), staleToken);
    }

    private static SharedAccessTokens.Account account(WecomAgent agent) {
        return new SharedAccessTokens.Account("wecom", agent.name());
    }
}
