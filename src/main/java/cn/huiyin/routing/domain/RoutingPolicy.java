package cn.huiyin.routing.domain;

import java.util.List;

/**
 * Decides whether the classifier may route an appeal by itself. It never guesses: below the threshold,
 * or when the best guess is OTHER, the appeal goes to the dispatcher's queue with the top suggestions.
 */
public final class RoutingPolicy {

    /** The catalogue's "其他(人工分拨)": by definition a person places it. */
    public static final String OTHER = "OTHER";

    private RoutingPolicy() {
    }

    /**
     * @param automatic true when the best suggestion may be dispatched without a person
     * @param top3 the best suggestions, best first, for the dispatcher (or for the record)
     */
    public record Routed(boolean automatic, List<Suggestion> top3) {

        public Routed {
            top3 = List.copyOf(top3);
        }

        public Suggestion best() {
            return top3.get(0);
        }
    }

    public static Routed route(CategoryClassifier classifier, String text, double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number");
        }
        List<Suggestion> ranked = classifier.rank(text);
        Suggestion best = ranked.get(0);
        boolean automatic = best.confidence() >= threshold && !OTHER.equals(best.category());
        return new Routed(automatic, ranked.subList(0, Math.min(3, ranked.size())));
    }
}
