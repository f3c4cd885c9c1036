package cn.huiyin.shared.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the HTTP edge reads requests and names itself. */
@ConfigMapping(prefix = "huiyin.http")
public interface EdgeConfig {

    /**
     * The address people and systems reach the service at (scheme, host, optional port and path, no trailing slash).
     * {@code Location} headers and links are built from it, never from the request's {@code Host}; when it is not
     * set, {@code Location} headers are relative (the tests' random ports).
     */
    Optional<String> publicBaseUrl();

    /** Largest form body (the pages' forms), in bytes: room for every field at its limit, percent-encoded. */
    @WithDefault("65536")
    int maxFormBytes();

    /** Largest textual body (JSON, XML, CSV, text) read at the edge, in bytes. */
    @WithDefault("1048576")
    int maxTextBytes();
}
