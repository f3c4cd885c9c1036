package cn.huiyin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The CSRF secret from application.properties: fixed in demo and tests, required everywhere else. */
class CsrfSecretConfigTest {

    private static SmallRyeConfig config(String... profiles) throws IOException {
        return new SmallRyeConfigBuilder().withProfiles(List.of(profiles))
                .withSources(new PropertiesConfigSource(
                        CsrfSecretConfigTest.class.getClassLoader().getResource("application.properties"), 250))
                .withMapping(CsrfConfig.class).build();
    }

    @Test
    void production_and_the_kafka_profile_do_not_start_without_a_secret() {
        for (String profile : List.of("prod", "kafka")) {
            assertThatThrownBy(() -> config(profile)).as(profile).hasMessageContaining("huiyin.csrf.secret");
        }
    }

    @Test
    void demo_and_test_have_a_fixed_secret_long_enough_for_the_tokens() throws IOException {
        for (String profile : List.of("demo", "test")) {
            String secret = config(profile).getConfigMapping(CsrfConfig.class).secret();
            assertThat(secret).as(profile).hasSizeGreaterThanOrEqualTo(16);
            new CsrfTokens(secret);
        }
    }
}
