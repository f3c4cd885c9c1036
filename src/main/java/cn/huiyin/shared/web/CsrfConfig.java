package cn.huiyin.shared.web;

import io.smallrye.config.ConfigMapping;

/**
 * The anti-forgery tokens' secret ({@code huiyin.csrf.secret}). It has no default: the demo and test profiles set a
 * fixed one, and any other profile (production, {@code kafka}) does not start until {@code HUIYIN_CSRF_SECRET} is set.
 */
@ConfigMapping(prefix = "huiyin.csrf")
public interface CsrfConfig {

    /** At least 16 characters, the same on every replica; changing it makes open forms fail once. */
    String secret();
}
