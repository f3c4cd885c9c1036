package cn.huiyin.shared.security;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns page sign-in on exactly when an OIDC provider is named in {@code HUIYIN_OIDC_URL}: it sets
 * {@code huiyin.oidc.sign-in-enabled}, which the {@code tenant-enabled} of the tenants {@code staff} and
 * {@code enterprise} read. A config source of its own because those tenants must be off before Quarkus starts them (a
 * sign-in tenant without a provider stops the start) and no config expression turns "is set" into "true".
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}; an explicit
 * {@code huiyin.oidc.sign-in-enabled} anywhere else wins over it.
 */
public class SignInSwitch implements ConfigSourceFactory {

    public static final String ENABLED = "huiyin.oidc.sign-in-enabled";
    static final String PROVIDER_URL = "HUIYIN_OIDC_URL";

    /** Below application.properties (250) and everything an operator sets. */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(PROVIDER_URL);
        boolean on = isSet(url == null ? null : url.getValue());
        return List.of(new PropertiesConfigSource(Map.of(ENABLED, Boolean.toString(on)), "huiyin-sign-in-switch", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static boolean isSet(String url) {
        return url != null && !url.isBlank();
    }
}
