package cn.huiyin.shared.persistence;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.database")
public interface DatabaseConfig {

    /**
     * JDBC URL of a maintenance database on the same server (e.g. {@code .../postgres}). When set, the
     * service creates its own database there if it is missing (dev, test, demo). Leave unset in production.
     */
    Optional<String> createFromUrl();

    /** Empties the schema before migrating: tests only. */
    @WithDefault("false")
    boolean cleanAtStart();
}
