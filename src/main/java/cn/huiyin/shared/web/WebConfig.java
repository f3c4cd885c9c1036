package cn.huiyin.shared.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The public web edge ({@code huiyin.web.*}): how large a JSON body may be, and the secret behind the query codes
 * (and, unless evaluation has its own, the rating links) that let an appellant without an account in. Shared, because
 * the edge guard, the appeal views and evaluation all read it.
 */
@ConfigMapping(prefix = "huiyin.web")
public interface WebConfig {

    /** Largest JSON body accepted by the submission API, in bytes (the description alone is ≤ 2,000 characters). */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Server secret from which query codes are derived. Set it from the environment in production. */
    String queryCodeSecret();
}
