package cn.huiyin.channel.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.web")
public interface WebChannelConfig {

    /** Largest JSON body accepted by the submission API, in bytes (the description alone is ≤ 2,000 characters). */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Server secret from which query codes are derived. Set it from the environment in production. */
    String queryCodeSecret();
}
