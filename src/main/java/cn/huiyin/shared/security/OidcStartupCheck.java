package cn.huiyin.shared.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;

/**
 * Outside demo mode and tests the service does not start without an identity provider to check tokens against:
 * otherwise it would run, accept nobody and say nothing. With page sign-in on, it also needs the clients' secrets and
 * a session secret shared by all replicas (a state cookie made by one replica is read by another after the redirect).
 */
@ApplicationScoped
public class OidcStartupCheck {

    private static final Logger LOG = Logger.getLogger(OidcStartupCheck.class);

    /** The profiles that verify the demo tokens (dev runs the demo profile as its parent). */
    static final Set<String> DEMO_PROFILES = Set.of("demo", "test", "dev");

    static final int MIN_SESSION_SECRET_LENGTH = 32;

    /** What the decision reads from the configuration. */
    public record Setup(Collection<String> profiles, Optional<String> providerUrl, Optional<String> publicKey,
            boolean pageSignIn, Optional<String> staffSecret, Optional<String> enterpriseSecret,
            Optional<String> sessionSecret) {
    }

    void check(@Observes @Priority(1) StartupEvent started) {
        Optional<String> refusal = refusal(setupOf(ConfigProvider.getConfig()));
        if (refusal.isPresent()) {
            LOG.error("Huiyin does not start: " + refusal.get());
            throw new IllegalStateException(refusal.get());
        }
    }

    /** Why the service must not start with this setup, if it must not. */
    public static Optional<String> refusal(Setup setup) {
        if (isDemoOrTest(setup.profiles())) {
            return Optional.empty();
        }
        if (setup.providerUrl().isEmpty() && setup.publicKey().isEmpty()) {
            return Optional.of("no OIDC provider is configured. Set HUIYIN_OIDC_URL to the Keycloak realm URL "
                    + "(e.g. https://sso.example.org/realms/huiyin), see docs/operations.md \"Sign-in with Keycloak\"");
        }
        if (!setup.pageSignIn()) {
            return Optional.empty();
        }
        if (setup.staffSecret().isEmpty() || setup.enterpriseSecret().isEmpty()) {
            return Optional.of("page sign-in needs the secrets of the Keycloak clients huiyin-staff and huiyin-enterprise "
                    + "in HUIYIN_OIDC_STAFF_SECRET and HUIYIN_OIDC_ENTERPRISE_SECRET");
        }
        if (setup.sessionSecret().map(String::length).orElse(0) < MIN_SESSION_SECRET_LENGTH) {
            return Optional.of("page sign-in needs HUIYIN_OIDC_SESSION_SECRET, at least " + MIN_SESSION_SECRET_LENGTH
                    + " characters and the same on every replica (it encrypts the sign-in state and session cookies)");
        }
        return Optional.empty();
    }

    /** Demo mode, tests and dev mode: the demo key pair, and the {@code huiyin_token} cookie, are for these only. */
    public static boolean isDemoOrTest(Collection<String> profiles) {
        return profiles.stream().anyMatch(DEMO_PROFILES::contains);
    }

    public static boolean isDemoOrTest(Config config) {
        return isDemoOrTest(config.unwrap(SmallRyeConfig.class).getProfiles());
    }

    static Setup setupOf(Config config) {
        return new Setup(config.unwrap(SmallRyeConfig.class).getProfiles(),
                text(config, "quarkus.oidc.auth-server-url"), text(config, "quarkus.oidc.public-key"),
                config.getOptionalValue(SignInSwitch.ENABLED, Boolean.class).orElse(false),
                text(config, "quarkus.oidc.staff.credentials.secret"),
                text(config, "quarkus.oidc.enterprise.credentials.secret"),
                text(config, "quarkus.oidc.staff.token-state-manager.encryption-secret"));
    }

    private static Optional<String> text(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }
}
