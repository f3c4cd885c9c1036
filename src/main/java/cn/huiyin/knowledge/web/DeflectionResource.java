package cn.huiyin.knowledge.web;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.knowledge.application.Deflection;
import cn.huiyin.knowledge.application.Deflections;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.DayParameter;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /api/v1/knowledge/deflection?from=&to=[&unit=]}: the knowledge base's deflection figures (分流率, 有用率)
 * per channel, overall and per article, with their formulas. District leaders and administrators see every unit's
 * articles (or the unit asked for); a unit leader sees their own unit's.
 */
@Path("/api/v1/knowledge/deflection")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_LEADER, Roles.UNIT_LEADER, Roles.ADMIN })
public class DeflectionResource {

    static final int DEFAULT_DAYS = 30;

    /** A period asked for: the days {@code from}…{@code to}. */
    record Period(LocalDate from, LocalDate to) {
    }

    @Inject
    Deflections deflections;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<Deflection> deflection(@RestQuery String from, @RestQuery String to, @RestQuery String unit) {
        Period period = period(deflections.today(), from, to);
        return caller.get().chain(who -> deflections.deflection(period.from(), period.to(), unitOf(who, unit)));
    }

    /** The period asked for; by default the 30 days up to today. */
    static Period period(LocalDate today, String from, String to) {
        LocalDate last = DayParameter.read(to, "to", today);
        LocalDate first = DayParameter.read(from, "from", last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from", "from must not be after to");
        }
        if (first.plusYears(10).isBefore(last)) {
            throw ProblemException.badRequest("from", "a period is at most ten years");
        }
        return new Period(first, last);
    }

    /** The unit whose articles the caller sees: any (null) or the one asked for; a unit leader's own, always. */
    static String unitOf(Caller who, String asked) {
        String requested = asked == null || asked.isBlank() ? null : asked;
        if (who.hasRole(Roles.DISTRICT_LEADER) || who.hasRole(Roles.ADMIN)) {
            return requested;
        }
        if (who.hasRole(Roles.UNIT_LEADER) && who.unitCode() != null
                && (requested == null || requested.equals(who.unitCode()))) {
            return who.unitCode();
        }
        throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                "a unit leader sees the figures of their own unit's articles only").withField("unit"));
    }

}
