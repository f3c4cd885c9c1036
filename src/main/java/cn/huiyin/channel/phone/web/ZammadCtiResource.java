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

    /** Read from the raw bytes, strictly, and only once the token is known to be right. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> json(@RestPath String token, byte[] body) {
        return authorised(token).chain(() -> handle(Fields.of(SignedJsonBody.object(body))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Map<String, String>> form(@RestPath String token, MultivaluedMap<String, String> body) {
        return authorised(token).chain(() -> handle(Fields.of(body)));
    }

    private Uni<Void> authorised(String token) {
        return tokenMatches(token) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ProblemException(
                        Problem.of(401, "unauthorized", "Unauthorized", "Unknown CTI token")));
    }

    private Uni<Map<String, String>> handle(Fields.Read fields) {
        ZammadCtiPolicy.Result result = fields.check(clock.instant());
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
        return token != null && config.ctiToken().map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }
}
