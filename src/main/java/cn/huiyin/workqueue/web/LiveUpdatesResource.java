package cn.huiyin.workqueue.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.workqueue.domain.LiveAudience;
import cn.huiyin.workqueue.live.LiveUpdates;
import cn.huiyin.workqueue.live.LiveUpdates.Update;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Multi;

/**
 * {@code GET /api/v1/workqueue/live}: server-sent events, one per change to an appeal of the caller's unit
 * (the dispatcher's desk for dispatchers), from whichever replica made the change.
 */
@Path("/api/v1/workqueue/live")
public class LiveUpdatesResource {

    @Inject
    LiveUpdates live;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISPATCHER })
    public Multi<Update> updates() {
        return caller.get().onItem().transformToMulti(who -> live.of(LiveAudience.streamOf(who)
                .orElseThrow(ForbiddenException::new)));
    }
}
