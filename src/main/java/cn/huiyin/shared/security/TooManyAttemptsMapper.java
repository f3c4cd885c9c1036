package cn.huiyin.shared.security;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.huiyin.shared.web.Problem;

/** The problem document of a refused guess, with {@code Retry-After} (more specific than the general problem mapper). */
public class TooManyAttemptsMapper {

    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttempts e) {
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(e.problem())
                .header("Retry-After", e.retryAfterSeconds()).build();
    }
}
