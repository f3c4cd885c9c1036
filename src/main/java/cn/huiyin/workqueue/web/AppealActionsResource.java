package cn.huiyin.workqueue.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.application.WorkQueueService;
import cn.huiyin.workqueue.application.WorkQueueService.Moved;
import io.smallrye.mutiny.Uni;

/** A commissioner's first actions on an appeal of their unit: accept, first contact, reply. */
@Path("/api/v1/appeals/{trackingNo}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
public class AppealActionsResource {

    public record Note(String note) {
    }

    public record Answer(String answer) {
    }

    @Inject
    WorkQueueService work;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("accept")
    public Uni<Moved> accept(@RestPath String trackingNo) {
        return caller.get().chain(who -> work.accept(trackingNo, who));
    }

    @POST
    @Path("first-contact")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> firstContact(@RestPath String trackingNo, Note body) {
        String note = body == null ? null : body.note();
        if (note != null && (Text.hasControlCharacter(note) || Text.length(note) > 500)) {
            throw ProblemException.badRequest("note", "A note is at most 500 characters, without control characters");
        }
        return caller.get().chain(who -> work.firstContact(trackingNo, who, note == null ? null : note.strip()));
    }

    @POST
    @Path("reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> reply(@RestPath String trackingNo, Answer body) {
        String answer = body == null ? null : body.answer();
        if (answer == null || Text.isAbsent(answer) || Text.hasControlCharacter(answer) || Text.length(answer) < 10
                || Text.length(answer) > 2000) {
            throw ProblemException.badRequest("answer", "The answer is 10 to 2000 characters, without control characters");
        }
        return caller.get().chain(who -> work.reply(trackingNo, who, answer.strip()));
    }
}
