package cn.huiyin.channel.phone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "huiyin.phone")
public interface PhoneConfig {

    /**
     * Shared secrets of the signed CTI contract, by key id ({@code X-Appeal-Key-Id}). Several may be active
     * at once so a secret can be rotated without downtime. From the environment in production, e.g.
     * {@code HUIYIN_PHONE_SIGNING_KEYS__2026A_=...}.
     */
    Map<String, String> signingKeys();

    /** How far {@code X-Appeal-Timestamp} may be from our clock. */
    @WithDefault("300s")
    Duration signatureTolerance();

    /** The secret path segment of the Zammad-compatible endpoint {@code /api/v1/cti/{token}}; unset: endpoint off. */
    Optional<String> ctiToken();

    /** Numbers whose inbound calls the PBX is told to reject ({"action":"reject","reason":"busy"}). */
    Optional<List<String>> blockList();

    /**
     * A call without a hangup that has had no event for this long is no longer shown as current on the agent
     * desk (a PBX that never reports hangups would otherwise keep it there for ever); it stays in the call log.
     */
    @WithDefault("2h")
    Duration staleCallAfter();
}
