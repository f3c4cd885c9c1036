package cn.huiyin.knowledge.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Clock;

import cn.huiyin.knowledge.application.ArticleOutcome;
import cn.huiyin.knowledge.application.KnowledgeArticles;
import cn.huiyin.knowledge.domain.ArticleStatus;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.StoredArticle;
import cn.huiyin.knowledge.persistence.KnowledgeArticleRepository.Summary;
import cn.huiyin.knowledge.web.ArticleDocument.VersionDocument;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The knowledge base's articles for the staff who keep them: the owning unit's commissioners write drafts, its
 * leader reviews, publishes and withdraws; the district's leaders and administrators read. Every edit is a version.
 */
@Path("/api/v1/knowledge/articles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISTRICT_LEADER, Roles.ADMIN })
public class KnowledgeArticleResource {

    @Inject
    KnowledgeArticles articles;

    @Inject
    Catalogues catalogues;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    /** The caller's unit's articles (every unit's for the district), flagged ones first, then the latest changed. */
    @GET
    public Uni<List<Summary>> list(@RestQuery String status, @RestQuery String category, @RestQuery String unit) {
        ArticleStatus wanted = status(status);
        return caller.get().chain(who -> articles.list(who, unit, wanted, category));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(ArticleRequest body) {
        ArticleRequest request = required(body);
        return caller.get().chain(who -> articles.create(who, request.unitCode(), request.content(articles.today()))
                .chain(outcome -> document(outcome, 0, who))
                .map(doc -> Response.created(URI.create("/api/v1/knowledge/articles/" + doc.id())).entity(doc).build()));
    }

    @GET
    @Path("{id}")
    public Uni<ArticleDocument> get(@RestPath long id) {
        return caller.get().chain(who -> articles.read(who, id).chain(outcome -> document(outcome, id, who)));
    }

    /** A new version (a draft); a published version keeps answering until it is published in its place. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ArticleDocument> edit(@RestPath long id, ArticleRequest body) {
        ArticleRequest request = required(body);
        if (request.unitCode() != null) {
            throw ProblemException.badRequest("unitCode", "An article stays with the unit it was written in");
        }
        return caller.get().chain(who -> articles.edit(who, id, request.content(articles.today()))
                .chain(outcome -> document(outcome, id, who)));
    }

    /** Every version, oldest first. */
    @GET
    @Path("{id}/versions")
    public Uni<List<VersionDocument>> versions(@RestPath long id) {
        return caller.get().chain(who -> articles.read(who, id)).map(outcome -> KnowledgeProblems.done(outcome, id)
                .article().versions().stream().map(VersionDocument::of).toList());
    }

    @POST
    @Path("{id}/review")
    public Uni<ArticleDocument> review(@RestPath long id) {
        return caller.get().chain(who -> articles.review(who, id).chain(outcome -> document(outcome, id, who)));
    }

    @POST
    @Path("{id}/publish")
    public Uni<ArticleDocument> publish(@RestPath long id) {
        return caller.get().chain(who -> articles.publish(who, id).chain(outcome -> document(outcome, id, who)));
    }

    @POST
    @Path("{id}/withdraw")
    public Uni<ArticleDocument> withdraw(@RestPath long id) {
        return caller.get().chain(who -> articles.withdraw(who, id).chain(outcome -> document(outcome, id, who)));
    }

    private Uni<ArticleDocument> document(ArticleOutcome outcome, long id, Caller who) {
        StoredArticle stored = KnowledgeProblems.done(outcome, id);
        String unit = stored.article().unitCode();
        return catalogues.current().map(catalogue -> ArticleDocument.of(stored,
                catalogue.unitNames().getOrDefault(unit, unit), who, clock.instant()));
    }

    private static ArticleRequest required(ArticleRequest body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "An article needs title, questions, answer, sourceName and categoryCode");
        }
        return body;
    }

    static ArticleStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "status is DRAFT, REVIEWED, PUBLISHED or WITHDRAWN");
        }
    }
}
