package cn.huiyin.knowledge.web;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.knowledge.application.ArticleMatch;
import cn.huiyin.knowledge.application.KnowledgeBase;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /api/v1/knowledge/search?q=&limit=}: the published articles valid today that answer a question, best
 * first. Public, like the policy showcase; nothing is recorded (the channels record what they show through their
 * own suggestion endpoints).
 */
@Path("/api/v1/knowledge/search")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeSearchResource {

    static final int MAX_QUERY = 500;
    static final int MAX_LIMIT = 20;

    /** {@code answered}: the first match answers the question for sure; false means "no good answer" (maybe related ones). */
    public record Found(String query, boolean answered, List<ArticleMatch> matches) {
    }

    @Inject
    KnowledgeBase knowledgeBase;

    @GET
    @PermitAll
    public Uni<Found> search(@RestQuery String q, @RestQuery String limit) {
        if (q == null || Text.isAbsent(q) || Text.hasControlCharacter(q) || Text.length(q) > MAX_QUERY) {
            throw ProblemException.badRequest("q", "q is 1 to " + MAX_QUERY + " characters");
        }
        int wanted = limit(limit);
        String query = Text.normalized(q.strip());
        return knowledgeBase.search(query, wanted)
                .map(matches -> new Found(query, !matches.isEmpty() && matches.get(0).sure(), matches));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return 5;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "limit is 1 to " + MAX_LIMIT);
    }
}
