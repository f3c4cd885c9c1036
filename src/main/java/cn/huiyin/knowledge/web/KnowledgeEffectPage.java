package cn.huiyin.knowledge.web;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.knowledge.application.Deflection;
import cn.huiyin.knowledge.application.Deflections;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * {@code /knowledge/effect} (知识库解答效果, Chinese): the deflection figures of a period per channel and per article,
 * with each article's review flag (待复核) and the formulas; the drill-down of the dashboard's 分流率. A plain GET
 * form, no JavaScript. The same scope as the API: a unit leader sees their own unit's articles.
 */
@Path("/knowledge/effect")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.DISTRICT_LEADER, Roles.UNIT_LEADER, Roles.ADMIN })
public class KnowledgeEffectPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance effect(Deflection deflection, boolean unitFixed, Map<String, String> units);
    }

    @Inject
    Deflections deflections;

    @Inject
    Catalogues catalogues;

    @Inject
    CurrentCaller caller;

    @GET
    public Uni<TemplateInstance> effect(@RestQuery String from, @RestQuery String to, @RestQuery String unit) {
        DeflectionResource.Period period = DeflectionResource.period(deflections.today(), from, to);
        return caller.get().chain(who -> Uni.combine().all().unis(
                deflections.deflection(period.from(), period.to(), DeflectionResource.unitOf(who, unit)),
                catalogues.current()).asTuple()
                .map(read -> Templates.effect(read.getItem1(), who.hasRole(Roles.UNIT_LEADER),
                        read.getItem2().unitNames())));
    }
}
