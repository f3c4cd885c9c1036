package cn.huiyin.routing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.routing.application.RoutingSuggestions.Suggested;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** {@code POST /api/v1/routing/suggest}: ranked categories, units and confidences for a text (staff only). */
@Path("/api/v1/routing/suggest")
public class RoutingResource {

    public record SuggestRequest(String text, String channel) {
    }

    @Inject
    RoutingSuggestions routing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.DISPATCHER, Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISTRICT_LEADER,
            Roles.ADMIN })
    public Uni<Suggested> suggest(SuggestRequest body) {
        if (body == null || body.text() == null || Text.isAbsent(body.text()) || Text.length(body.text()) > 2000) {
            throw ProblemException.badRequest("text", "text is 1 to 2000 characters");
        }
        if (body.channel() != null && !body.channel().matches("WEB|PHONE|WECHAT")) {
            throw ProblemException.badRequest("channel", "channel is WEB, PHONE or WECHAT");
        }
        return routing.suggest(body.text());
    }
}
