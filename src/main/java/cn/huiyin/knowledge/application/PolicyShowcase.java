package cn.huiyin.knowledge.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.knowledge.domain.PublishedArticle;
import cn.huiyin.routing.application.Catalogues;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The public policy showcase (营商环境政策专窗): the published articles valid today, grouped by the catalogue's
 * categories in the catalogue's order, and a search over them. Served from the replica's {@link KnowledgeBase}: a page
 * view reads no article from the database.
 */
@ApplicationScoped
public class PolicyShowcase {

    /** A published article with the name of the unit that answers for it. */
    public record Policy(PublishedArticle article, String unitName) {
    }

    /** One category's policies. */
    public record Group(String categoryCode, String categoryName, List<Policy> policies) {
    }

    /** A search's outcome: the matches, and whether the first one answers the question for sure. */
    public record Found(List<ArticleMatch> matches, boolean answered) {
    }

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    Catalogues catalogues;

    /** Every category that has a policy, in catalogue order, each with its policies by title. */
    @WithSession // the catalogue's order is read through its entities
    public Uni<List<Group>> byCategory() {
        return catalogues.inFormOrder().chain(categories -> knowledgeBase.publishedToday().chain(articles -> catalogues
                .current().map(catalogue -> {
                    Map<String, List<Policy>> byCategory = new LinkedHashMap<>();
                    for (PublishedArticle article : articles) {
                        byCategory.computeIfAbsent(article.content().categoryCode(), c -> new ArrayList<>())
                                .add(new Policy(article, catalogue.unitNames().getOrDefault(article.unitCode(), article.unitCode())));
                    }
                    List<Group> groups = new ArrayList<>();
                    for (Catalogues.Category category : categories) {
                        List<Policy> policies = byCategory.remove(category.code());
                        if (policies != null) {
                            policies.sort((a, b) -> a.article().content().title().compareTo(b.article().content().title()));
                            groups.add(new Group(category.code(), category.name(), policies));
                        }
                    }
                    // a category gone from the catalogue since the article was written still shows, under its code
                    byCategory.forEach((code, policies) -> groups.add(new Group(code, code, policies)));
                    return groups;
                })));
    }

    public Uni<Optional<Policy>> one(long articleId) {
        return knowledgeBase.publishedToday(articleId).chain(found -> catalogues.current().map(catalogue -> found
                .map(article -> new Policy(article, catalogue.unitNames().getOrDefault(article.unitCode(), article.unitCode())))));
    }

    public Uni<Found> search(String text, int limit) {
        return knowledgeBase.search(text, limit)
                .map(matches -> new Found(matches, !matches.isEmpty() && matches.get(0).sure()));
    }

    /** The name of a category, for a page that shows one policy. */
    public Uni<String> categoryName(String code) {
        return catalogues.current().map(catalogue -> catalogue.rules().containsKey(code)
                ? catalogue.rules().get(code).name() : code);
    }
}
