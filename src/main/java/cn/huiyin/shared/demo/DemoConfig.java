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

    /**
     * Also seeds one on-duty commissioner ({@code commissioner-<unit code>}) in every unit and street of the
     * catalogue. On in demo runs; off in tests, whose assignment checks need units with nobody on duty.
     */
    @WithDefault("false")
    boolean staffEveryUnit();
}
