package cn.huiyin.routing.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where a new appeal goes: by the category it came with, else by the classifier when it is sure enough,
 * else to the dispatcher with the classifier's best suggestions. It never guesses.
 */
public record Placement(String category, RoutedBy routedBy, DispatchDecision decision, List<Suggestion> suggestions) {

    public enum RoutedBy {
        /** the appellant or the agent chose the category; the catalogue names the unit */
        CATALOGUE,
        /** the classifier was sure enough to choose the category itself */
        CLASSIFIER,
        /** nobody could place it: a dispatcher will */
        DISPATCHER
    }

    public Placement {
        suggestions = List.copyOf(suggestions);
    }

    public static Placement of(Catalogue catalogue, String givenCategory, String enterpriseStreet,
            Optional<CategoryClassifier> classifier, double threshold, String text) {
        if (givenCategory != null && !givenCategory.isBlank()) {
            DispatchDecision decision = DispatchPolicy.decide(catalogue, givenCategory, streetOf(text, enterpriseStreet));
            return new Placement(givenCategory, routedBy(decision, RoutedBy.CATALOGUE), decision, List.of());
        }
        if (classifier.isEmpty()) {
            return new Placement(null, RoutedBy.DISPATCHER, new DispatchDecision.ToDispatcher("no category given"), List.of());
        }
        RoutingPolicy.Routed routed = RoutingPolicy.route(classifier.get(), text, threshold);
        Suggestion best = routed.best();
        double sureness = RoutingPolicy.sureness(routed.top3());
        if (!routed.automatic()) {
            // the number is the sureness, which is what the threshold is compared with (TimelineWords reads this form)
            return new Placement(null, RoutedBy.DISPATCHER, new DispatchDecision.ToDispatcher(String.format(
                    "routing is not sure: best %s at %.2f, threshold %.2f", best.category(), sureness, threshold)),
                    routed.top3());
        }
        DispatchDecision decision = DispatchPolicy.decide(catalogue, best.category(), streetOf(text, enterpriseStreet));
        String why = String.format("classifier: %s at %.2f; ", best.category(), sureness);
        DispatchDecision explained = decision instanceof DispatchDecision.ToUnit toUnit
                ? new DispatchDecision.ToUnit(toUnit.unitCode(), why + toUnit.reason())
                : new DispatchDecision.ToDispatcher(why + decision.reason());
        return new Placement(best.category(), routedBy(decision, RoutedBy.CLASSIFIER), explained, routed.top3());
    }

    /** A local matter belongs to the street where it happens: the one the text names, else the enterprise's. */
    static String streetOf(String text, String enterpriseStreet) {
        var named = StreetGazetteer.TIANHE.streetsNamedIn(text);
        return named.size() == 1 ? named.iterator().next() : enterpriseStreet;
    }

    private static RoutedBy routedBy(DispatchDecision decision, RoutedBy ifPlaced) {
        return decision instanceof DispatchDecision.ToUnit ? ifPlaced : RoutedBy.DISPATCHER;
    }
}
