package cn.huiyin.notify.staff.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.notify.staff.application.StaffNotices;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** A signed-in staff member's own notices: {@code GET /api/v1/notices}, {@code POST /api/v1/notices/{id}/read}. */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISPATCHER, Roles.DISTRICT_LEADER, Roles.AGENT, Roles.ADMIN })
public class NoticesResource {

    static final String LIMIT = "is a whole number from 1 to 200";

    /** The unread count after a notice was marked read. */
    public record Read(long id, long unread) {
    }

    @Inject
    StaffNotices notices;

    @Inject
    CurrentCaller caller;

    /** Newest first, at most {@code limit} (the configured number by default), with the unread count of all. */
    @GET
    public Uni<StaffNotices.Inbox> mine(
            @RestQuery @Min(value = 1, message = LIMIT) @Max(value = 200, message = LIMIT) Integer limit) {
        return caller.get().chain(who -> notices.inbox(who.username(), limit));
    }

    /** Marks one of the caller's notices read (again: no change); another person's notice is not found. */
    @POST
    @Path("{id}/read")
    public Uni<Read> read(@RestPath long id) {
        return caller.get().chain(who -> notices.read(who.username(), id))
                .map(unread -> new Read(id, unread.orElseThrow(() -> ProblemException.notFound("Notice " + id))));
    }
}
