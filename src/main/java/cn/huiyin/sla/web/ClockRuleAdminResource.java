package cn.huiyin.sla.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.shared.validation.UnitCode;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.shared.web.Problems;
import cn.huiyin.sla.application.ClockRuleAdmin;
import cn.huiyin.sla.application.ClockRuleAdmin.Refused;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRuleDraft;
import cn.huiyin.sla.persistence.ClockRuleVersionRepository.Version;
import io.smallrye.mutiny.Uni;

/**
 * Administrators add clock rule versions (never edit or delete one) and read what is in force, what is dated ahead,
 * and each clock's history.
 */
@Path("/api/v1/admin/clock-rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ClockRuleAdminResource {

    /** What a missing JSON body is told (the body's own rule, before any of its fields'). */
    static final String BODY_REQUIRED = "is required: a JSON object";

    /**
     * A new version. The shapes are checked here (400 naming the field); what needs the catalogue, the calendar or the
     * clock's nature is the service's (422 listing every field).
     */
    public record RuleRequest(
            @NotNull(message = "is required: RESPOND, HANDLE, RETURN_WINDOW, FEEDBACK or REWORK") String clock,
            @UnitCode(optional = true, message = "is an appeal type such as CONSULT, or left out for every type") String appealType,
            @UnitCode(optional = true, message = "is a category code such as TAX_SERVICE, or left out for every category") String category,
            Boolean urgent,
            @NotNull(message = "is required: a whole number above 0") Integer amount,
            @NotNull(message = "is required: WORKING_HOURS, WORKING_DAYS, NATURAL_MINUTES, NATURAL_HOURS or NATURAL_DAYS") String unit,
            @FreeText(max = ClockRuleDraft.MAX_LEGAL_SOURCE) String legalSource,
            @NotNull(message = "is required: a date such as 2027-01-01") LocalDate effectiveFrom,
            @FreeText(max = ClockRuleDraft.MAX_REASON) String reason) {

        ClockRuleDraft draft() {
            return new ClockRuleDraft(clock, blankToNull(appealType), blankToNull(category), urgent, amount, unit,
                    legalSource, effectiveFrom, reason);
        }
    }

    @Inject
    ClockRuleAdmin admin;

    @Inject
    CurrentCaller caller;

    /** Adds a version; 201 with it as stored, or 422 naming every field that makes no sense. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public Uni<Version> add(@NotNull(message = BODY_REQUIRED) @Valid RuleRequest body) {
        return caller.get().chain(who -> admin.add(body.draft(), who)).map(outcome -> {
            if (outcome instanceof Refused refused) {
                throw Problems.invalid(refused.violations());
            }
            return ((ClockRuleAdmin.Added) outcome).version();
        });
    }

    /** The version in force for each clock and set of matchers, and the versions dated ahead. */
    @GET
    public Uni<ClockRuleAdmin.Standing> standing() {
        return admin.standing();
    }

    /** Every version of one clock, oldest first, with who added it, when and why. */
    @GET
    @Path("history")
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR }) // an audit trail: the auditor reads it too
    public Uni<List<Version>> history(@RestQuery String clock) {
        ClockKind kind = Arrays.stream(ClockKind.values()).filter(k -> k.name().equals(clock)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("clock", "clock is one of " + Arrays.toString(ClockKind.values())));
        return admin.history(kind);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
