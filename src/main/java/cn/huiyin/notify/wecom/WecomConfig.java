package cn.huiyin.notify.wecom;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The WeCom (企业微信) self-built app that carries staff notices as application messages. Without a corp id, a secret
 * and an agent id, WeCom is off and notices stay in the app.
 */
@ConfigMapping(prefix = "huiyin.wecom")
public interface WecomConfig {

    /** Base URL of WeCom's server API (tests point it at a local stub). */
    @WithDefault("https://qyapi.weixin.qq.com")
    String apiBase();

    /** The corp id (企业ID, under 我的企业 → 企业信息). */
    Optional<String> corpId();

    /** The app's Secret. From the environment (HUIYIN_WECOM_CORP_SECRET), never from a file in the image. */
    Optional<String> corpSecret();

    /** The app's AgentId (应用管理 → the app). */
    Optional<Integer> agentId();

    /**
     * The service's public address: a card's button opens a page there, by the recipient's role (the appeal in the
     * work queue, or the supervision desk).
     */
    String publicBaseUrl();

    /** The card's button text. */
    @WithDefault("查看详情")
    String buttonText();

    /** How often due messages are sent ({@code off} disables the sender on this replica). */
    @WithDefault("5s")
    String sendEvery();

    /** Messages taken per round (WeCom limits an app's calls per minute; the sender sends one after another). */
    @WithDefault("20")
    int batch();

    /** How long a taken message is reserved for this replica before another may try it. */
    @WithDefault("60s")
    Duration lease();

    /** Attempts before a message that WeCom keeps putting off is given up (the notice stays in the app). */
    @WithDefault("8")
    int maxAttempts();

    /** How long one call to WeCom may take. */
    @WithDefault("5s")
    Duration timeout();
}
