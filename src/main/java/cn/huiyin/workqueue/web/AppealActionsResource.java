package cn.huiyin.workqueue.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.HandOffService;
import cn.huiyin.workqueue.application.WorkQueueService;
import io.smallrye.mutiny.Uni;

/**
 * A commissioner's actions on an appeal of their unit: claim, accept (签收), first contact, progress notes,
 * reply (答复), transfer (转办), return (退单), extension request (延期).
 */
@Path("/api/v1/appeals/{trackingNo}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
public class AppealActionsResource {

    public record Note(String note, Boolean visibleToEnterprise) {
    }

    public record Answer(String answer) {
    }

    public record Transfer(String toUnit, String reason) {
    }

    public record Reason(String reason) {
    }

    public record ExtensionAsk(String clock, Integer workingDays, String reason) {
    }

    @Inject
    WorkQueueService work;

    @Inject
    HandOffService handOff;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("claim")
    public Uni<Moved> claim(@RestPath String trackingNo) {
        return caller.get().chain(who -> work.claim(trackingNo, who));
    }

    @POST
    @Path("accept")
    public Uni<Moved> accept(@RestPath String trackingNo) {
        return caller.get().chain(who -> work.accept(trackingNo, who));
    }

    @POST
    @Path("first-contact")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> firstContact(@RestPath String trackingNo, Note body) {
        String note = body == null ? null : Fields.optional("note", body.note(), 500);
        return caller.get().chain(who -> work.firstContact(trackingNo, who, note));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> note(@RestPath String trackingNo, Note body) {
        String note = Fields.required("note", body == null ? null : body.note(), 1, 1000);
        boolean visible = body.visibleToEnterprise() != null && body.visibleToEnterprise();
        return caller.get().chain(who -> work.note(trackingNo, who, note, visible));
    }

    @POST
    @Path("reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> reply(@RestPath String trackingNo, Answer body) {
        String answer = Fields.required("answer", body == null ? null : body.answer(), 10, 2000);
        return caller.get().chain(who -> work.reply(trackingNo, who, answer));
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> transfer(@RestPath String trackingNo, Transfer body) {
        String toUnit = Fields.code("toUnit", body == null ? null : body.toUnit());
        String reason = Fields.required("reason", body.reason(), 2, 500);
        return caller.get().chain(who -> handOff.transfer(trackingNo, who, toUnit, reason));
    }

    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> giveBack(@RestPath String trackingNo, Reason body) {
        String reason = Fields.required("reason", body == null ? null : body.reason(), 2, 500);
        return caller.get().chain(who -> handOff.giveBack(trackingNo, who, reason));
    }

    @POST
    @Path("extension-request")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> askForTime(@RestPath String trackingNo, ExtensionAsk body) {
        ClockKind clock = clock(body == null ? null : body.clock());
        if (body.workingDays() == null || body.workingDays() < 1 || body.workingDays() > 10) {
            throw ProblemException.badRequest("workingDays", "Ask for 1 to 10 working days");
        }
        String reason = Fields.required("reason", body.reason(), 2, 500);
        return caller.get().chain(who -> handOff.requestExtension(trackingNo, who, clock, body.workingDays(), reason));
    }

    private static ClockKind clock(String raw) {
        if ("HANDLE".equals(raw) || "REWORK".equals(raw)) {
            return ClockKind.valueOf(raw);
        }
        throw ProblemException.badRequest("clock", "An extension is asked for the HANDLE or REWORK clock");
    }
}
