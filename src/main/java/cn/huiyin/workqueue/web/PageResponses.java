package cn.huiyin.workqueue.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The POST–redirect–GET pattern of the staff pages: a step that worked answers 303 to a page that says so; a
 * refused one shows the same page again with the reason in Chinese (422 for input, 409 for "not now"), and
 * an appeal the caller may not see is a plain 404 page.
 */
final class PageResponses {

    private PageResponses() {
    }

    static Response seeOther(String path, String done) {
        return Response.seeOther(URI.create(path + "?ok=" + URLEncoder.encode(done, StandardCharsets.UTF_8))).build();
    }

    /** Input rejected at the page's edge. */
    static Uni<Response> invalid(Uni<TemplateInstance> page) {
        return page.map(p -> Response.status(422).entity(p).build());
    }

    /**
     * Renders a service's refusal with {@code again} (errors by field, or a general message under "form"); any
     * other failure goes on to the problem mappers, which never show a stack trace.
     */
    static Uni<Response> refused(Throwable failure, BiFunction<Map<String, String>, Integer, Uni<Response>> again,
            Uni<TemplateInstance> notFound) {
        if (!(failure instanceof ProblemException refusal)) {
            return Uni.createFrom().failure(failure);
        }
        Problem problem = refusal.problem();
        if (problem.status() == 404 || "trackingNo".equals(problem.field())) {
            return notFound.map(page -> Response.status(404).entity(page).build());
        }
        String field = problem.status() == 409 || problem.field() == null ? "form" : problem.field();
        return again.apply(Map.of(field, PageMessages.of(problem)), problem.status() == 409 ? 409 : 422);
    }
}
