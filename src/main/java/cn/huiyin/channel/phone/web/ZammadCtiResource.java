package cn.huiyin.channel.phone.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiyin.channel.phone.PhoneConfig;
import cn.huiyin.channel.phone.application.CallLogService;
import cn.huiyin.channel.phone.domain.ZammadCtiPolicy;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.shared.web.Problems;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/cti/{token}}: the Generic CTI contract PBX connectors already speak (newCall, answer,
 * hangup as JSON or form). Unlike the original it is idempotent and order-tolerant. Call events never
 * create an appeal; a missed call becomes a call-back task.
 */
@Path("/api/v1/cti/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class ZammadCtiResource {

    @Inject
    PhoneConfig config;

    @Inject
    CallLogService calls;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> json(@RestPath String token, JsonNode body) {
        return handle(token, Fields.of(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Map<String, String>> form(@RestPath String token, MultivaluedMap<String, String> body) {
        return handle(token, Fields.of(body));
    }

    private Uni<Map<String, String>> handle(String token, Map<String, List<String>> fields) {
        if (!tokenMatches(token)) {
            return Uni.createFrom().failure(new ProblemException(
                    Problem.of(401, "unauthorized", "Unauthorized", "Unknown CTI token")));
        }
        ZammadCtiPolicy.Result result = ZammadCtiPolicy.check(fields, clock.instant());
        if (result instanceof ZammadCtiPolicy.Invalid invalid) {
            return Uni.createFrom().failure(Problems.invalid(invalid.violations()));
        }
        var event = ((ZammadCtiPolicy.Valid) result).event();
        Set<String> blocked = Set.copyOf(config.blockList().orElse(List.of()));
        // a blocked caller is still logged; the PBX is told to reject the call
        return calls.record(event).map(recorded -> ZammadCtiPolicy.rejects(event, blocked)
                ? Map.of("action", "reject", "reason", "busy")
                : Map.<String, String> of());
    }

    private boolean tokenMatches(String token) {
        return config.ctiToken().map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }
}
