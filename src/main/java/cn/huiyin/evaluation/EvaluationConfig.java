package cn.huiyin.evaluation;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ratings (好差评), return visits (回访) and the links that ask for a rating. */
@ConfigMapping(prefix = "huiyin.evaluation")
public interface EvaluationConfig {

    /** The level recorded when the rating window runs out with no rating (Guangdong practice: 3, 基本满意). */
    @WithDefault("3")
    int defaultLevel();

    /** Whether the default rating counts the matter as resolved. */
    @WithDefault("true")
    boolean defaultResolved();

    /** Share (0–100) of the rounds not rated bad that the district centre calls back anyway. */
    @WithDefault("10")
    int returnVisitSamplePercent();

    /**
     * Secret that signs rating links (at least 16 characters; from the environment, HUIYIN_EVALUATION_LINK_SECRET).
     * When unset, links are signed with the query-code secret, under a purpose of their own.
     */
    Optional<String> linkSecret();

    /** How long a rating link works after the reply (the rating window is 7 natural days). */
    @WithDefault("P7D")
    Duration linkLifetime();

    /** The public address rating links start with (no trailing slash). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** SMS template asking for a rating, with {trackingNo} and {link}. */
    @WithDefault("RATING_REQUEST")
    String smsTemplate();
}
