package cn.huiyin.routing.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.huiyin.routing.domain.CatalogueExamples;
import cn.huiyin.routing.domain.CategoryClassifier;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.routing.domain.RoutingPolicy;
import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.routing.persistence.RoutingExampleRepository;
import cn.huiyin.shared.CachedUni;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Ranks the catalogue's categories for a free text, with the unit each would go to, and says whether the
 * text is clear enough to be placed without a dispatcher. The classifier is trained from the stored
 * labelled examples plus the catalogue's category names, and kept until they change.
 */
@ApplicationScoped
public class RoutingSuggestions {

    @ConfigMapping(prefix = "huiyin.routing")
    public interface RoutingConfig {
        /**
         * Lowest sureness of the best suggestion against the second ({@code RoutingPolicy.sureness}) at which a
         * text is placed automatically; below it a dispatcher decides. 0.94 kept automatic placements about 90 %
         * right in cross-validation on the seed corpus (docs/routing.md). Meaningful above 0.5 (a tie).
         */
        @WithDefault("0.94")
        double autoThreshold();

        /** How often catalogue changes dated ahead are put in force ({@code off} disables it on this replica). */
        @WithDefault("60s")
        String catalogueActivationEvery();
    }

    public record Suggestion(String category, String categoryName, String unit, String unitName, double confidence) {
    }

    public record Suggested(boolean automatic, double threshold, int trainedOn, List<Suggestion> suggestions) {
    }

    /** Corrections made on another replica reach this one's classifier within this time. */
    private static final Duration RETRAIN_EVERY = Duration.ofMinutes(5);

    private final CachedUni<Optional<CategoryClassifier>> classifier;

    private final CatalogueRepository catalogue;

    @Inject
    RoutingConfig config;

    @Inject
    public RoutingSuggestions(RoutingExampleRepository examples, CatalogueRepository catalogue) {
        this.catalogue = catalogue;
        // training is CPU work: it runs on a worker thread, never on the event loop that delivered the rows
        this.classifier = new CachedUni<>(Uni.combine().all().unis(examples.trainingExamples(), catalogue.current()).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(found -> found.getItem1().isEmpty() ? Optional.<CategoryClassifier> empty()
                        : Optional.of(CategoryClassifier.train(CatalogueExamples.trainingSet(found.getItem1(), found.getItem2())))),
                RETRAIN_EVERY);
    }

    public Uni<Suggested> suggest(String text) {
        return Uni.combine().all().unis(classifier.get(), catalogue.current()).with((trained, rules) -> {
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
        return classifier.get();
    }

    /** The lowest confidence at which a text is placed without a dispatcher. */
    public double threshold() {
        return config.autoThreshold();
    }

    /** After a new example (a dispatcher's correction), the next suggestion retrains. */
    public void examplesChanged() {
        classifier.invalidate();
    }
}
