package cn.huiyin.knowledge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.knowledge.domain.Hit;
import cn.huiyin.knowledge.domain.KnowledgeIndex;
import cn.huiyin.knowledge.domain.PublishedArticle;
import cn.huiyin.knowledge.domain.Search;
import cn.huiyin.knowledge.persistence.PublishedArticleRepository;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.CachedUni;
import cn.huiyin.shared.cache.CacheChanges;
import cn.huiyin.shared.cache.ChangeWatch;
import cn.huiyin.shared.cache.SharedCache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The published articles valid today, and the index that finds them for a question. Each replica holds them in
 * memory: the first use (and the first after {@link #changed()}) waits for a build; after that, at most every
 * {@code huiyin.knowledge.change-check-every} one use asks the database whether the published set changed on any
 * replica (or the day turned, which moves validity) and carries on with what it has until the rebuilt index
 * replaces it; a change announced by another replica ({@link CacheChanges}) makes the next use ask at once.
 * Building the index is CPU work: it runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class KnowledgeBase {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);

    /** The articles and their index, with the fingerprint they were read under (read before them, never after). */
    private record Built(String fingerprint, KnowledgeIndex index, Map<Long, PublishedArticle> articles) {
    }

    private final PublishedArticleRepository published;
    private final Catalogues catalogues;
    private final Clock clock;
    private final CacheChanges changes;
    private final CachedUni<Built> building;
    private final ChangeWatch watch;
    private volatile Built ready;
    /** Counts {@link #changed()}, so a rebuild begun before one does not replace what came after it. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    @Inject
    public KnowledgeBase(PublishedArticleRepository published, Catalogues catalogues, Clock clock, CacheChanges changes,
            @ConfigProperty(name = "huiyin.knowledge.change-check-every", defaultValue = "2s") Duration changeCheckEvery) {
        this.published = published;
        this.catalogues = catalogues;
        this.clock = clock;
        this.changes = changes;
        this.building = new CachedUni<>(Uni.createFrom().deferred(() -> {
            long at = generation.get();
            return build().invoke(built -> publish(built, at));
        }), null);
        this.watch = changes.watch(changeCheckEvery, SharedCache.KNOWLEDGE);
    }

    /** The day in Beijing, which decides which articles are valid. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    /**
     * The published articles that answer {@code text}, best first, at most {@code limit}; only the first can be
     * {@code sure}, and only when the index is sure it answers the question. Empty for a blank text.
     */
    public Uni<List<ArticleMatch>> search(String text, int limit) {
        if (text == null || text.isBlank() || limit < 1) {
            return Uni.createFrom().item(List.of());
        }
        return current().chain(built -> catalogues.current().map(catalogue -> {
            Search search = built.index().search(text, limit);
            List<ArticleMatch> matches = new ArrayList<>();
            for (Hit hit : search.hits()) {
                PublishedArticle article = built.articles().get(hit.articleId());
                if (article == null || matches.size() >= limit) {
                    continue;
                }
                boolean sure = matches.isEmpty() && search.answered() && search.answer().articleId() == hit.articleId();
                var c = article.content();
                matches.add(new ArticleMatch(article.articleId(), article.version(), c.title(), c.answer(), c.sourceName(),
                        c.sourceLink(), article.unitCode(), catalogue.unitNames().getOrDefault(article.unitCode(),
                                article.unitCode()), c.categoryCode(), hit.score(), sure));
            }
            return matches;
        }));
    }

    /** Every published article valid today, in the order they were first stored. */
    public Uni<List<PublishedArticle>> publishedToday() {
        return current().map(built -> List.copyOf(built.articles().values()));
    }

    /** One published article valid today. */
    public Uni<Optional<PublishedArticle>> publishedToday(long articleId) {
        return current().map(built -> Optional.ofNullable(built.articles().get(articleId)));
    }

    /**
     * After a publish or a withdrawal on this replica: the next use rebuilds and waits for it, so what was just
     * published here answers here at once. Other replicas are told to check at their next use ({@link CacheChanges});
     * one that does not hear it checks within its period. Call after the commit.
     */
    public void changed() {
        generation.incrementAndGet();
        building.invalidate();
        ready = null;
        changes.changed(SharedCache.KNOWLEDGE);
    }

    private Uni<Built> current() {
        Built now = ready;
        if (now == null) {
            return onCallersContext(building.get());
        }
        if (watch.due()) {
            rebuildIfChanged(now);
        }
        return Uni.createFrom().item(now);
    }

    /**
     * The build ends on a worker thread; a caller waiting for it carries on on its own Vert.x context (where its
     * request and any Hibernate Reactive session live), not on that worker.
     */
    private static <T> Uni<T> onCallersContext(Uni<T> waited) {
        Context context = Vertx.currentContext();
        return context == null ? waited : waited.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<String> fingerprint() {
        return published.fingerprint().map(stored -> stored + "@" + today(clock));
    }

    private Uni<Built> build() {
        return fingerprint().chain(fingerprint -> published.validOn(today(clock))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(articles -> {
                    Map<Long, PublishedArticle> byId = new LinkedHashMap<>();
                    articles.forEach(a -> byId.put(a.articleId(), a));
                    return new Built(fingerprint, KnowledgeIndex.of(articles.stream().map(PublishedArticle::indexed).toList()),
                            byId);
                }));
    }

    private void rebuildIfChanged(Built now) {
        if (!rebuilding.compareAndSet(false, true)) {
            watch.recheckNow(); // one rebuild at a time; it may have read the fingerprint before the change: look again
            return;
        }
        long at = generation.get();
        fingerprint().onFailure().recoverWithItem(failure -> {
            LOG.debugf("cannot read the published articles' fingerprint, keeping the index: %s", failure.getMessage());
            return null;
        }).chain(latest -> latest == null || latest.equals(now.fingerprint()) ? Uni.createFrom().<Built> nullItem()
                : build().invoke(built -> publish(built, at)))
                .onTermination().invoke(() -> rebuilding.set(false))
                .subscribe().with(built -> {
                }, failure -> LOG.warnf("cannot rebuild the knowledge index, keeping the one in use: %s", failure.getMessage()));
    }

    private void publish(Built built, long at) {
        if (generation.get() == at) {
            ready = built;
        }
    }
}
