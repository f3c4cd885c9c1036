package cn.huiyin.knowledge.web;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.knowledge.application.PolicyShowcase;
import cn.huiyin.shared.domain.Text;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The public policy showcase (营商环境政策专窗, Chinese): the published articles valid today by category, each with
 * its source and validity, and a search over them that says so when nothing answers the question. No sign-in.
 */
@Path("/policies")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PolicyPages {

    /** How many results a search page lists. */
    static final int RESULTS = 10;
    static final int MAX_QUERY = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance showcase(List<PolicyShowcase.Group> groups, String q, PolicyShowcase.Found found,
                String error);

        static native TemplateInstance policy(PolicyShowcase.Policy policy, String categoryName);

        static native TemplateInstance missing();
    }

    @Inject
    PolicyShowcase showcase;

    /** Every policy by category; with {@code q}, the policies that answer it instead. */
    @GET
    public Uni<Response> showcase(@RestQuery String q) {
        if (q == null || q.isBlank()) {
            return showcase.byCategory().map(groups -> page(200, Templates.showcase(groups, "", null, null)));
        }
        if (Text.hasControlCharacter(q) || Text.length(q) > MAX_QUERY) {
            return Uni.createFrom().item(page(400, Templates.showcase(List.of(), "", null,
                    "请输入不超过" + MAX_QUERY + "个字的问题或关键词")));
        }
        String query = Text.normalized(q.strip());
        return showcase.search(query, RESULTS).map(found -> page(200, Templates.showcase(List.of(), query, found, null)));
    }

    @GET
    @Path("{id}")
    public Uni<Response> policy(@RestPath long id) {
        return showcase.one(id).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(page(404, Templates.missing()))
                : showcase.categoryName(found.get().article().content().categoryCode())
                        .map(name -> page(200, Templates.policy(found.get(), name))));
    }

    private static Response page(int status, TemplateInstance html) {
        return Response.status(status).type("text/html;charset=UTF-8").entity(html).build();
    }
}
