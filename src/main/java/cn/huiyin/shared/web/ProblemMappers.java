package cn.huiyin.shared.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.pages.StaffPageRefusals;
import cn.huiyin.shared.validation.RejectedField;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure into problem+json: no stack traces, no class names, a stable type. A browser asking for a page
 * it may not see is sent to sign in, or shown why, instead (see {@link StaffPageRefusals}).
 */
public class ProblemMappers {

    // the parser's words for a key given twice; the key is not on the mapping path, which ends before it
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']{1,64})'");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        if (e instanceof StrictJson.UnacceptableText text && field != null) {
            Text.Flaw flaw = text.flaw();
            return respond(Problem.invalid(List.of(new Problem.InvalidField(field, field + ".control",
                    "The value of '" + field + "' contains " + flaw.english(), "含有" + flaw.chinese()))));
        }
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (field == null && duplicate.find()) {
            return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The key '" + duplicate.group(1) + "' is given more than once").withField(duplicate.group(1)));
        }
        String detail = field == null ? "The body is not one well-formed JSON value"
                : "The value of '" + field + "' has the wrong type or shape";
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", detail).withField(field == null ? "body" : field));
    }

    /** Named on its own so that it wins over the framework's built-in mapper for the same type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedJson(e);
    }

    /**
     * A request that breaks a field rule declared on its parameters or body records: answered like a field check
     * written by hand, {@code 400 bad-request} naming the first field in declaration order by its JSON name. A broken
     * rule on a method's answer is the server's fault: a logged 500.
     */
    @ServerExceptionMapper
    public Response violated(ConstraintViolationException e, HttpServerRequest request) {
        List<RejectedField> rejected = RejectedField.inOrder(e.getConstraintViolations());
        if (rejected.isEmpty() || rejected.stream().anyMatch(r -> RejectedField.ofReturnValue(r.violation()))) {
            return unexpected(e, request);
        }
        RejectedField first = rejected.get(0);
        return respond(ProblemException.badRequest(first.field(), first.field() + " " + first.message()).problem());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return StaffPageRefusals.signInFirst(request, respond(Problem.of(401, "unauthorized", "Unauthorized", "Sign in first")));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return StaffPageRefusals.signInFirst(request,
                respond(Problem.of(401, "unauthorized", "Unauthorized", "The credentials were not accepted")));
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, HttpServerRequest request) {
        return StaffPageRefusals.forbidden(request, respond(Problem.of(403, "forbidden", "Forbidden", "Your role may not do this")));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        Problem problem = Problem.of(status, slug, title, title);
        return respond(status >= 500 ? Failures.logged(problem, request.method().name(), request.path(), e) : problem);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return respond(Failures.logged(
                Problem.of(500, "internal", "Internal error", "The request could not be completed; it was logged"),
                request.method().name(), request.path(), e));
    }

    public static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.correlationId() != null) {
            response.header("X-Correlation-Id", problem.correlationId());
        }
        return response.build();
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return joined.isEmpty() ? null : joined.replace(".[", "[");
    }
}
