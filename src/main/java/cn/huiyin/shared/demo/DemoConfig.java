package cn.huiyin.shared.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.demo")
public interface DemoConfig {

    /**
     * Seeds demo enterprises and one demo user per role, and opens the demo token endpoint. Never enable it
     * in production: anyone could mint a token.
     */
    @WithDefault("false")
    boolean enabled();
}
