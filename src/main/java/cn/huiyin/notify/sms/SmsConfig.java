package cn.huiyin.notify.sms;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** A generic HTTP SMS gateway (the district's provider sits behind one JSON endpoint). */
@ConfigMapping(prefix = "huiyin.sms")
public interface SmsConfig {

    /** Send SMS at all; off, phone appellants simply get no text message. */
    @WithDefault("false")
    boolean enabled();

    /** Base URL of the gateway; messages are POSTed to {@code <base-url>/v1/sms/send}. */
    Optional<String> baseUrl();

    /** Bearer key for the gateway. From the environment (HUIYIN_SMS_API_KEY), never from a file in the image. */
    Optional<String> apiKey();

    /** Template for "your appeal was received, tracking number {trackingNo}". */
    @WithDefault("APPEAL_RECEIVED")
    String receivedTemplate();

    /** Template for "your appeal {trackingNo} has been answered" (the answer itself is in the appeal's timeline). */
    @WithDefault("APPEAL_ANSWERED")
    String answeredTemplate();

    /** Template for a WeChat binding's verification code ({code}). */
    @WithDefault("BINDING_CODE")
    String bindingTemplate();

    /** How long one call to the gateway may take. */
    @WithDefault("5s")
    Duration timeout();
}
