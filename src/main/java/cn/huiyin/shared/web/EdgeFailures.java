package cn.huiyin.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failures that happen below the REST layer (the HTTP server refusing a body, a handler failing) get the same answer
 * as every other error: a problem document (or a page for a browser), one log line for a 5xx, never a stack trace.
 */
@ApplicationScoped
public class EdgeFailures {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(EdgeGuard.ORDER - 1).failureHandler(this::failed);
    }

    void failed(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        if (rc.failure() instanceof AuthenticationException || rc.failure() instanceof UnauthorizedException
                || rc.failure() instanceof ForbiddenException) {
            rc.next(); // the security layer answers these itself, with its challenge
            return;
        }
        int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
        Problem problem = switch (status) {
            case 413 -> Problem.of(413, "body-too-large", "Body too large", "The body is larger than accepted")
                    .withField("body");
            case 400 -> Problem.of(400, "bad-request", "Bad request", "The request could not be read");
            case 401 -> Problem.of(401, "unauthorized", "Unauthorized", "Sign in first");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your role may not do this");
            case 404 -> Problem.of(404, "not-found", "Not found", "Nothing is here");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This method is not allowed here");
            default -> status >= 500
                    ? Problem.of(status, "internal", "Internal error", "The request could not be completed; it was logged")
                    : Problem.of(status, "bad-request", "Bad request", "The request was refused");
        };
        if (status >= 500) {
            problem = Failures.logged(problem, rc.request().method().name(), rc.request().path(), rc.failure());
            rc.response().putHeader("X-Correlation-Id", problem.correlationId());
        }
        rc.response().setStatusCode(status);
        if (EdgePages.wantsHtml(rc.request().getHeader(HttpHeaders.ACCEPT))) {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").end(EdgePages.error(problem));
            return;
        }
        try {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().end();
        }
    }
}
