package cn.huiyin.routing.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF weighting of character n-grams, learnt from the training texts, damped for n-grams that every
 * category uses alike.
 *
 * <p>Why IDF: characters such as 企, 业, 请, 问 occur in almost every appeal; IDF lets the rare, telling
 * n-grams (燃气, 留抵, 招标) carry the decision. Plain ln(N/df) gives n-grams found in every text no weight
 * at all. Trigrams are damped because most occur in one text only and would otherwise dominate the
 * length-normalised vector (10-fold cross-validation, mean of 5 seeds: top-1 0.61 with full-weight
 * trigrams, 0.64 at 0.3).
 *
 * <p>Why the category spread: IDF only damps what is common everywhere. The fillers of call transcripts
 * and chat (喂, 那个, 嗯, 就是, 你好) are common only in some texts, so IDF keeps them, and a dispatcher's
 * corrections, written the district's way, carried them into whatever category they were filed under: new
 * appeals then matched the category of the last transcript rather than their topic, and accuracy fell with
 * every correction. An n-gram spread evenly over the categories says nothing about the category, so its
 * weight is multiplied by (1 − H/ln C)^{@value #SPREAD_EXPONENT}, H being the entropy of its share in each
 * category (documents containing it / the category's size) and C the number of categories. The exponent was
 * chosen by 10-fold cross-validation on the shared corpus (top-1, mean of 5 seeds: 0.638 without, 0.670 at
 * 0.25, 0.669 at 0.35, 0.655 at 0.5 with one seed).
 */
final class TermWeights {

    private static final double[] ORDER_WEIGHT = {1.0, 1.0, 0.3}; // uni-, bi-, trigrams
    static final double SPREAD_EXPONENT = 0.25;

    private final Map<String, Double> idf;

    private TermWeights(Map<String, Double> idf) {
        this.idf = idf;
    }

    /**
     * @param documents each training text's n-grams
     * @param categoryOf each text's category, as an index below {@code categories}
     */
    static TermWeights learn(List<List<String>> documents, int[] categoryOf, int categories) {
        Map<String, int[]> dfByCategory = new HashMap<>();
        int[] size = new int[categories];
        for (int d = 0; d < documents.size(); d++) {
            int c = categoryOf[d];
            size[c]++;
            documents.get(d).stream().distinct()
                    .forEach(g -> dfByCategory.computeIfAbsent(g, x -> new int[categories])[c]++);
        }
        Map<String, Double> idf = new HashMap<>(dfByCategory.size() * 2);
        double n = documents.size();
        dfByCategory.forEach((gram, counts) -> {
            int df = 0;
            for (int count : counts) {
                df += count;
            }
            double w = Math.log(n / df) * ORDER_WEIGHT[gram.codePointCount(0, gram.length()) - 1]
                    * Math.pow(1 - spread(counts, size), SPREAD_EXPONENT);
            if (w > 0) {
                idf.put(gram, w);
            }
        });
        return new TermWeights(idf);
    }

    /**
     * How evenly an n-gram is spread over the categories, 0 (one category only) to 1 (every category alike):
     * the entropy of its share in each category over ln C. Shares, not counts, so a large category does not
     * look like many.
     */
    static double spread(int[] documentsWith, int[] categorySize) {
        if (categorySize.length < 2) {
            return 0;
        }
        double total = 0;
        for (int c = 0; c < documentsWith.length; c++) {
            total += share(documentsWith, categorySize, c);
        }
        double entropy = 0;
        for (int c = 0; c < documentsWith.length; c++) {
            double p = share(documentsWith, categorySize, c) / total;
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.min(1, entropy / Math.log(categorySize.length));
    }

    private static double share(int[] documentsWith, int[] categorySize, int c) {
        return categorySize[c] == 0 ? 0 : (double) documentsWith[c] / categorySize[c];
    }

    /** The unit-length TF-IDF vector of a text's n-grams; empty when none of them is known. */
    Map<String, Double> vector(List<String> grams) {
        Map<String, Double> v = new HashMap<>();
        for (String g : grams) {
            Double w = idf.get(g);
            if (w != null) {
                v.merge(g, w, Double::sum); // raw term frequency times IDF
            }
        }
        toUnitLength(v);
        return v;
    }

    static void toUnitLength(Map<String, Double> vector) {
        double norm = Math.sqrt(vector.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) {
            vector.replaceAll((g, x) -> x / norm);
        }
    }
}
