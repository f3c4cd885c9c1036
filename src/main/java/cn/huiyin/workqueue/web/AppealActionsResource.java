package cn.huiyin.workqueue.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.validation.UnitCode;
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

    /** A progress note (办理进展); the page's note form posts the same. */
    public record Note(@FreeText(max = 1000) String note, Boolean visibleToEnterprise) {
    }

    /** What the first contact with the enterprise was (联系情况), if anything is to be said. */
    public record FirstContact(@FreeText(max = 500, optional = true) String note) {
    }

    public record Answer(@FreeText(min = 10, max = 2000) String answer) {
    }

    public record Transfer(@UnitCode String toUnit, @FreeText(min = 2, max = 500) String reason) {
    }

    public record Reason(@FreeText(min = 2, max = 500) String reason) {
    }

    public record ExtensionAsk(
            @NotNull(message = CLOCKS) @Pattern(regexp = "HANDLE|REWORK", message = CLOCKS) String clock,
            @NotNull(message = DAYS) @Min(value = 1, message = DAYS) @Max(value = 10, message = DAYS) Integer workingDays,
            @FreeText(min = 2, max = 500) String reason) {
    }

    private static final String CLOCKS = "is HANDLE or REWORK, the clock the extension is asked for";
    private static final String DAYS = "is 1 to 10 working days";

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
    public Uni<Moved> firstContact(@RestPath String trackingNo, @Valid FirstContact body) {
        String note = body == null ? null : Checked.optional(body.note());
        return caller.get().chain(who -> work.firstContact(trackingNo, who, note));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> note(@RestPath String trackingNo, @NotNull(message = Checked.BODY_REQUIRED) @Valid Note body) {
        boolean visible = Boolean.TRUE.equals(body.visibleToEnterprise());
        return caller.get().chain(who -> work.note(trackingNo, who, Checked.text(body.note()), visible));
    }

    @POST
    @Path("reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> reply(@RestPath String trackingNo, @NotNull(message = Checked.BODY_REQUIRED) @Valid Answer body) {
        return caller.get().chain(who -> work.reply(trackingNo, who, Checked.text(body.answer())));
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> transfer(@RestPath String trackingNo, @NotNull(message = Checked.BODY_REQUIRED) @Valid Transfer body) {
        return caller.get().chain(who -> handOff.transfer(trackingNo, who, body.toUnit(), Checked.text(body.reason())));
    }

    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> giveBack(@RestPath String trackingNo, @NotNull(message = Checked.BODY_REQUIRED) @Valid Reason body) {
        return caller.get().chain(who -> handOff.giveBack(trackingNo, who, Checked.text(body.reason())));
    }

    @POST
    @Path("extension-request")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moved> askForTime(@RestPath String trackingNo,
            @NotNull(message = Checked.BODY_REQUIRED) @Valid ExtensionAsk body) {
        ClockKind clock = ClockKind.valueOf(body.clock());
        String reason = Checked.text(body.reason());
        return caller.get().chain(who -> handOff.requestExtension(trackingNo, who, clock, body.workingDays(), reason));
    }
}
