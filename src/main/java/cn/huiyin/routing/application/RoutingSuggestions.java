package cn.huiyin.routing.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.huiyin.routing.domain.CategoryClassifier;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.routing.domain.RoutingPolicy;
import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.routing.persistence.RoutingExampleRepository;
import cn.huiyin.shared.CachedUni;
import cn.huiyin.shared.cache.CacheChanges;
import cn.huiyin.shared.cache.ChangeWatch;
import cn.huiyin.shared.cache.SharedCache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Ranks the catalogue's categories for a free text, with the unit each would go to, and says whether the
 * text is clear enough to be placed without a dispatcher. The classifier is trained from the stored
 * labelled examples plus the written training set, the catalogue's category names and the knowledge base's seeded
 * articles ({@link RoutingTrainingSet}), and retrained when the examples or the catalogue change on any replica.
 */
@ApplicationScoped
public class RoutingSuggestions {

    @ConfigMapping(prefix = "huiyin.routing")
    public interface RoutingConfig {
        /**
         * Lowest sureness of the best suggestion against the second ({@code RoutingPolicy.sureness}) at which a
         * text is placed automatically; below it a dispatcher decides. 0.99 is about the lowest that keeps automatic
         * placements 97 % right in cross-validation of the seed corpus and the written set (0.9896; docs/routing.md).
         * Meaningful above 0.5 (a tie).
         */
        @WithDefault("0.99")
        double autoThreshold();

        /**
         * How often a replica asks the database whether the labelled examples or the catalogue changed (on any replica)
         * while it routes; when they did, the classifier is retrained in the background. One small statement per period.
         * A change announced by another replica makes the next use ask at once: this is the safety net.
         */
        @WithDefault("2s")
        Duration changeCheckEvery();

        /**
         * How often a replica reads the catalogue snapshot again when no change was announced to it: the safety net for
         * an announcement lost while Redis was away ({@code CacheChanges}). One pair of small queries per period.
         */
        @WithDefault("30s")
        Duration catalogueRefreshEvery();

        /** How often catalogue changes dated ahead are put in force ({@code off} disables it on this replica). */
        @WithDefault("60s")
        String catalogueActivationEvery();
    }

    public record Suggestion(String category, String categoryName, String unit, String unitName, double confidence) {
    }

    public record Suggested(boolean automatic, double threshold, int trainedOn, List<Suggestion> suggestions) {
    }

    /** A classifier and the stored version it was trained from (read before the examples, never after). */
    private record Trained(String version, Optional<CategoryClassifier> classifier) {
    }

    private static final Logger LOG = Logger.getLogger(RoutingSuggestions.class);

    private final RoutingExampleRepository examples;
    private final CatalogueRepository catalogue;
    private final RoutingConfig config;
    private final CacheChanges changes;
    /** The first training, and a training again after {@link #examplesChanged()}: the callers wait for it. */
    private final CachedUni<Trained> training;
    private final ChangeWatch watch;
    /** The classifier that answers; null until the first training is done. */
    private volatile Trained ready;
    /** Counts {@link #examplesChanged()}, so a retraining begun before one does not replace what came after it. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean retraining = new AtomicBoolean();

    @Inject
    public RoutingSuggestions(RoutingExampleRepository examples, CatalogueRepository catalogue, RoutingConfig config,
            CacheChanges changes) {
        this.examples = examples;
        this.catalogue = catalogue;
        this.config = config;
        this.changes = changes;
        this.training = new CachedUni<>(Uni.createFrom().deferred(() -> {
            long at = generation.get();
            return trained().invoke(t -> publish(t, at));
        }), null);
        this.watch = changes.watch(config.changeCheckEvery(), SharedCache.CLASSIFIER);
    }

    /**
     * Reads the version, then the examples and the catalogue, and trains. Training is CPU work: it runs on a worker
     * thread, never on the event loop that delivered the rows; so does the first read of the written examples' and the
     * articles' files. Those files do not change while the service runs, so they are not part of the version.
     */
    private Uni<Trained> trained() {
        return examples.version().chain(version -> Uni.combine().all()
                .unis(examples.trainingExamples(), catalogue.current()).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(found -> new Trained(version, found.getItem1().isEmpty() ? Optional.<CategoryClassifier> empty()
                        : Optional.of(CategoryClassifier.train(RoutingTrainingSet.of(found.getItem1(), found.getItem2()))))));
    }

    /**
     * The classifier. Only the first use (and the first after {@link #examplesChanged()}) waits for a training; after
     * that, at most every {@code huiyin.routing.change-check-every} a use starts a check of the stored version and
     * carries on with the classifier it has, which keeps answering until one retrained from the changed examples or
     * catalogue (changed on any replica) replaces it.
     */
    private Uni<Optional<CategoryClassifier>> current() {
        Trained now = ready;
        if (now == null) {
            return training.get().map(Trained::classifier);
        }
        if (watch.due()) {
            retrainIfChanged(now);
        }
        return Uni.createFrom().item(now.classifier());
    }

    private void retrainIfChanged(Trained now) {
        if (!retraining.compareAndSet(false, true)) {
            watch.recheckNow(); // one retraining at a time; it may have read the version before this change: look again
            return;
        }
        long at = generation.get();
        examples.version().onFailure().recoverWithItem(failure -> {
            LOG.debugf("cannot read the routing examples' version, keeping the classifier: %s", failure.getMessage());
            return null;
        }).chain(latest -> {
            if (latest == null || latest.equals(now.version())) {
                return Uni.createFrom().<Trained> nullItem();
            }
            catalogue.changed(); // its names may have changed on another replica: read them now, not within 30 s
            return trained().invoke(t -> publish(t, at));
        }).onTermination().invoke(() -> retraining.set(false)).subscribe().with(
                t -> {
                }, failure -> LOG.warnf("cannot retrain the routing classifier, keeping the one in use: %s",
                        failure.getMessage()));
    }

    private void publish(Trained trained, long at) {
        if (generation.get() == at) {
            ready = trained;
        }
    }

    public Uni<Suggested> suggest(String text) {
        return Uni.combine().all().unis(current(), catalogue.current()).with((trained, rules) -> {
            if (trained.isEmpty()) {
                return new Suggested(false, config.autoThreshold(), 0, List.of()); // nothing learnt yet: a dispatcher decides
            }
            CategoryClassifier model = trained.get();
            RoutingPolicy.Routed routed = RoutingPolicy.route(model, text, config.autoThreshold());
            List<Suggestion> suggestions = routed.top3().stream().map(s -> {
                DispatchRule rule = rules.rules().get(s.category());
                String unit = rule == null ? null : rule.unitRule();
                String unitName = unit == null ? null
                        : DispatchRule.BY_STREET.equals(unit) ? "企业所在街道"
                        : DispatchRule.BY_DISPATCHER.equals(unit) ? "派单员人工分拨" : rules.unitNames().get(unit);
                return new Suggestion(s.category(), rule == null ? null : rule.name(), unit, unitName, s.confidence());
            }).toList();
            return new Suggested(routed.automatic(), config.autoThreshold(), model.exampleCount(), suggestions);
        });
    }

    /** The classifier trained on the stored examples; empty while there are none. */
    public Uni<Optional<CategoryClassifier>> classifier() {
        return current();
    }

    /** The lowest confidence at which a text is placed without a dispatcher. */
    public double threshold() {
        return config.autoThreshold();
    }

    /**
     * After a change made on this replica (a dispatcher's correction, a catalogue edit): the next use retrains and
     * waits for it, so what was just changed here is in force here at once. Other replicas are told to check at their
     * next use ({@link CacheChanges}); one that does not hear it checks within its period. Call after the commit.
     */
    public void examplesChanged() {
        generation.incrementAndGet();
        training.invalidate();
        ready = null;
        changes.changed(SharedCache.CLASSIFIER);
    }
}
