package cn.huiyin.notify.wecom;

/** A configured WeCom app: the corp, the app's secret and its agent id. */
public record WecomAgent(String corpId, String secret, int agentId) {

    /** Names the app in logs and Redis keys (never the secret). */
    public String name() {
        return corpId + ":" + agentId;
    }

    @Override
    public String toString() {
        return "WecomAgent[" + name() + "]";
    }
}
