package cn.huiyin.notify.staff.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.notify.staff.application.StaffNotices;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The page (Chinese) of a staff member's notices ({@code /notices}), newest first, unread ones marked; "已读" posts
 * to {@code /notices/{id}/read} and is answered by a redirect back. Works without JavaScript.
 */
@Path("/notices")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISPATCHER, Roles.DISTRICT_LEADER, Roles.AGENT, Roles.ADMIN })
public class NoticesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(StaffNotices.Inbox inbox);
    }

    @Inject
    StaffNotices notices;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<TemplateInstance> list() {
        return caller.get().chain(who -> notices.inbox(who.username(), null)).map(Templates::list);
    }

    /** Marks the notice read and shows the list again (someone else's notice changes nothing). */
    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> read(@RestPath long id) {
        return caller.get().chain(who -> notices.read(who.username(), id))
                .map(ignored -> Response.seeOther(URI.create("/notices")).build());
    }
}
