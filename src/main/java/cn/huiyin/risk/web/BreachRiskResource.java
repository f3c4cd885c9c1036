package cn.huiyin.risk.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.huiyin.risk.application.BreachRisks;
import cn.huiyin.risk.application.ExpectedLate;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Appeals expected late (预计超时): not late yet, but likely to miss their handling deadline, riskiest first. The
 * district centre sees every unit (or one, with {@code unit}); a unit's staff see their own unit only.
 */
@Path("/api/v1/risk/expected-late")
@Produces(MediaType.APPLICATION_JSON)
public class BreachRiskResource {

    private static final String LIMIT = "is 1 to 200";
    private static final List<String> DISTRICT = List.of(Roles.DISPATCHER, Roles.DISTRICT_LEADER, Roles.ADMIN);

    /** The list and the probability from which an appeal is on it. */
    public record ExpectedLateList(double expectedLateAt, List<ExpectedLate> appeals) {
    }

    @Inject
    BreachRisks risks;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({ Roles.DISPATCHER, Roles.DISTRICT_LEADER, Roles.ADMIN, Roles.UNIT_LEADER, Roles.COMMISSIONER })
    public Uni<ExpectedLateList> expectedLate(@QueryParam("unit") String unit,
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = LIMIT) @Max(value = 200, message = LIMIT) int limit) {
        return caller.get().chain(who -> risks.expectedLate(scope(who, unit), limit))
                .map(appeals -> new ExpectedLateList(risks.expectedLateAt(), appeals));
    }

    /** The district centre asks for any unit or all; a unit's staff always get their own. */
    private static String scope(Caller who, String unit) {
        return DISTRICT.contains(who.role()) ? blankToNull(unit) : who.unitCode();
    }

    private static String blankToNull(String unit) {
        return unit == null || unit.isBlank() ? null : unit;
    }
}
