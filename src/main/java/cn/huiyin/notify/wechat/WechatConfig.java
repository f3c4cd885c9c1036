package cn.huiyin.notify.wechat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * WeChat official accounts (公众号) by name; one is enough, several are possible. The callback (channel) checks and
 * answers with their tokens and keys; messages to followers (here, and evaluation's rating requests) use their API
 * secrets. It lives with the WeChat API client, the lowest of its users.
 */
@ConfigMapping(prefix = "huiyin.wechat")
public interface WechatConfig {

    /** Accounts by name; the callback picks one with {@code ?account=<name>}, else {@link #defaultAccount()}. */
    Map<String, Account> accounts();

    @WithDefault("default")
    String defaultAccount();

    /** Base URL of WeChat's API (tests point it at a local stub). */
    @WithDefault("https://api.weixin.qq.com")
    String apiBaseUrl();

    /** A message within this time after the sender's last appeal is added to that appeal (补充). */
    @WithDefault("30m")
    Duration supplementWindow();

    /**
     * How a binding (绑定 USCC 手机号) is confirmed: {@code SMS} sends a six-digit code to the mobile number and
     * binds only when the follower sends it back; {@code NONE} binds at once (demo only).
     */
    @WithDefault("SMS")
    BindingConfirmation bindingConfirmation();

    enum BindingConfirmation {
        SMS,
        NONE
    }

    /** Largest callback body accepted. */
    @WithDefault("65536")
    int maxBodyBytes();

    interface Account {
        /** The token set in the account's server configuration (signs every callback). */
        String token();

        String appId();

        /** The 43-character EncodingAESKey; required in compatible and safe mode. */
        Optional<String> encodingAesKey();

        /** The account's own id ({@code gh_…}), the FromUserName of our replies. */
        String accountId();

        @WithDefault("SAFE")
        Mode mode();

        /**
         * How far a push's signed {@code timestamp} may lie from our clock, either way, before it is refused like a
         * wrong signature: a captured signed URL is not replayable after it. WeChat's own pushes carry the current
         * time, so the default suits every account whose clock is synchronised; widen it only to replay captured
         * test vectors or to ride out a known clock skew.
         */
        @WithDefault("5m")
        Duration signatureWindow();

        /** AppSecret for the API access token (customer-service and template messages). From the environment. */
        Optional<String> appSecret();

        /** Template used outside the 48-hour customer-service window. */
        Optional<String> noticeTemplateId();
    }

    enum Mode {
        /** plaintext messages only */
        PLAIN,
        /** plaintext or encrypted, as WeChat sends it during a switch-over */
        COMPATIBLE,
        /** encrypted only */
        SAFE
    }
}
