package cn.huiyin.knowledge.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.knowledge.application.ArticleOutcome;
import cn.huiyin.knowledge.application.KnowledgeArticles;
import cn.huiyin.knowledge.domain.Article;
import cn.huiyin.knowledge.domain.ArticleStatus;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The knowledge base's staff pages (知识库, Chinese): the list with filters and the 待复核 flag, a new article, and one
 * article with its edit form, its versions and the leader's steps. Every form posts and is answered by a redirect;
 * the same service as the API decides.
 */
@Path("/knowledge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER, Roles.DISTRICT_LEADER, Roles.ADMIN })
public class KnowledgePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ArticlePageView.Row> rows, List<ArticleStatus> statuses,
                List<Catalogues.Category> categories, String status, String category, boolean canWrite, String notice);

        static native TemplateInstance editor(ArticleForm typed, List<Catalogues.Category> categories,
                Map<String, String> errors);

        static native TemplateInstance article(ArticlePageView.Page article, ArticleForm typed,
                List<Catalogues.Category> categories, Map<String, String> errors, String notice);

        static native TemplateInstance refused(String reason);

        static native TemplateInstance missing();
    }

    private static final List<ArticleStatus> FILTERS = List.of(ArticleStatus.DRAFT, ArticleStatus.REVIEWED,
            ArticleStatus.PUBLISHED, ArticleStatus.WITHDRAWN);

    @Inject
    KnowledgeArticles articles;

    @Inject
    Catalogues catalogues;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @GET
    @WithSession
    public Uni<TemplateInstance> list(@RestQuery String status, @RestQuery String category, @RestQuery String ok) {
        ArticleStatus wanted = FILTERS.stream().filter(s -> s.name().equals(status)).findFirst().orElse(null);
        String inCategory = category == null || category.isBlank() ? null : category;
        return caller.get().chain(who -> catalogues.inFormOrder().chain(categories -> articles
                .list(who, null, wanted, inCategory).chain(found -> catalogues.current().map(catalogue -> {
                    Map<String, String> names = names(categories);
                    List<ArticlePageView.Row> rows = found.stream()
                            .map(s -> ArticlePageView.row(s, names, catalogue.unitNames())).toList();
                    return Templates.list(rows, FILTERS, categories, wanted == null ? "" : wanted.name(),
                            inCategory == null ? "" : inCategory, who.unitCode() != null && Article.mayWrite(who, who.unitCode()).isEmpty(),
                            ok == null ? null : ArticleWords.DONE.get(ok));
                }))));
    }

    @GET
    @Path("new")
    @WithSession
    public Uni<Response> newArticle() {
        return caller.get().chain(who -> {
            if (who.unitCode() == null || Article.mayWrite(who, who.unitCode()).isPresent()) {
                return refused(403, "只有承办单位的服务专员和领导可以新建本单位的知识条目");
            }
            return catalogues.inFormOrder().map(categories -> page(200, Templates.editor(ArticleForm.EMPTY, categories, Map.of())));
        });
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithSession
    public Uni<Response> create(@RestForm String title, @RestForm String questions, @RestForm String answer,
            @RestForm String sourceName, @RestForm String sourceLink, @RestForm String categoryCode,
            @RestForm String validFrom, @RestForm String validTo) {
        ArticleForm typed = new ArticleForm(title, questions, answer, sourceName, sourceLink, categoryCode, validFrom, validTo);
        Map<String, String> dateErrors = typed.dateErrors();
        if (!dateErrors.isEmpty()) {
            return catalogues.inFormOrder().map(categories -> page(422, Templates.editor(typed, categories, dateErrors)));
        }
        return caller.get().chain(who -> articles.create(who, null, typed.content(articles.today())).chain(outcome -> {
            if (outcome instanceof ArticleOutcome.Done done) {
                return Uni.createFrom().item(seeOther(done.stored().article().id(), "created"));
            }
            if (outcome instanceof ArticleOutcome.Invalid invalid) {
                return catalogues.inFormOrder().map(categories -> page(422,
                        Templates.editor(typed, categories, ArticleForm.errors(invalid.violations()))));
            }
            return refusedOrMissing(outcome);
        }));
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<Response> article(@RestPath long id, @RestQuery String ok) {
        return caller.get().chain(who -> articles.read(who, id).chain(outcome -> outcome instanceof ArticleOutcome.Done done
                ? articlePage(who, done, null, Map.of(), ok == null ? null : ArticleWords.DONE.get(ok), 200)
                : refusedOrMissing(outcome)));
    }

    /** A new version of the article, from its edit form. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithSession
    public Uni<Response> edit(@RestPath long id, @RestForm String title, @RestForm String questions,
            @RestForm String answer, @RestForm String sourceName, @RestForm String sourceLink,
            @RestForm String categoryCode, @RestForm String validFrom, @RestForm String validTo) {
        ArticleForm typed = new ArticleForm(title, questions, answer, sourceName, sourceLink, categoryCode, validFrom, validTo);
        return caller.get().chain(who -> {
            Map<String, String> dateErrors = typed.dateErrors();
            if (!dateErrors.isEmpty()) {
                return again(who, id, typed, dateErrors);
            }
            return articles.edit(who, id, typed.content(articles.today())).chain(outcome -> {
                if (outcome instanceof ArticleOutcome.Done) {
                    return Uni.createFrom().item(seeOther(id, "saved"));
                }
                if (outcome instanceof ArticleOutcome.Invalid invalid) {
                    return again(who, id, typed, ArticleForm.errors(invalid.violations()));
                }
                return refusedOrMissing(outcome);
            });
        });
    }

    /** The leader's steps: {@code review}, {@code publish}, {@code withdraw}. */
    @POST
    @Path("{id}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithSession
    public Uni<Response> step(@RestPath long id, @RestPath String step) {
        return caller.get().chain(who -> {
            Uni<ArticleOutcome> outcome = switch (step) {
                case "review" -> articles.review(who, id);
                case "publish" -> articles.publish(who, id);
                case "withdraw" -> articles.withdraw(who, id);
                default -> Uni.createFrom().item(new ArticleOutcome.Missing());
            };
            return outcome.chain(o -> o instanceof ArticleOutcome.Done ? Uni.createFrom().item(seeOther(id, step))
                    : refusedOrMissing(o));
        });
    }

    /** The article page again with the typed form and its errors (422). */
    private Uni<Response> again(Caller who, long id, ArticleForm typed, Map<String, String> errors) {
        return articles.read(who, id).chain(outcome -> outcome instanceof ArticleOutcome.Done done
                ? articlePage(who, done, typed, errors, null, 422) : refusedOrMissing(outcome));
    }

    private Uni<Response> articlePage(Caller who, ArticleOutcome.Done done, ArticleForm typed, Map<String, String> errors,
            String notice, int status) {
        return catalogues.inFormOrder().chain(categories -> catalogues.current().map(catalogue -> {
            ArticlePageView.Page view = ArticlePageView.page(done.stored(), who, clock.instant(), names(categories),
                    catalogue.unitNames());
            ArticleForm form = typed != null ? typed : ArticleForm.of(done.stored().article().latest().content());
            return page(status, Templates.article(view, form, categories, errors, notice));
        }));
    }

    private Uni<Response> refusedOrMissing(ArticleOutcome outcome) {
        if (outcome instanceof ArticleOutcome.Refused refused) {
            return refused(ArticleWords.status(refused.refusal()), ArticleWords.refusal(refused.refusal()));
        }
        return Uni.createFrom().item(page(404, Templates.missing()));
    }

    private static Uni<Response> refused(int status, String reason) {
        return Uni.createFrom().item(page(status, Templates.refused(reason)));
    }

    private static Response page(int status, TemplateInstance html) {
        return Response.status(status).type("text/html;charset=UTF-8").entity(html).build();
    }

    private static Response seeOther(long id, String done) {
        return Response.seeOther(URI.create("/knowledge/" + id + "?ok=" + done)).build();
    }

    private static Map<String, String> names(List<Catalogues.Category> categories) {
        Map<String, String> names = new LinkedHashMap<>();
        categories.forEach(c -> names.put(c.code(), c.name()));
        return names;
    }
}
