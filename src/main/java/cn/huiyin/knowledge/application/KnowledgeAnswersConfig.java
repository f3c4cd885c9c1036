package cn.huiyin.knowledge.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How answers shown on the channels are recorded. */
@ConfigMapping(prefix = "huiyin.knowledge.answers")
public interface KnowledgeAnswersConfig {

    /**
     * An article shown again to the same asker within this time is the same showing (typeahead asks on every pause
     * in typing): its first record is reused rather than counted again.
     */
    @WithDefault("PT10M")
    Duration repeatWithin();

    /** An appeal filed by the asker marks as followed the answers it was shown within this time before. */
    @WithDefault("PT24H")
    Duration followedWithin();
}
