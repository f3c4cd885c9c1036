package cn.huiyin.hotspot.domain;

import java.util.Set;

/**
 * How appeals are found to be about the same problem. The defaults are the ones the evaluation on the generated set
 * chose (docs/hotspots.md): TF-IDF cosine over character bigrams, grouped by average linkage.
 *
 * @param shingle          characters per shingle (2: 发票, 额度, 授信 are features without a word list)
 * @param similarity       how two texts' shingles are compared
 * @param linkage          how linked texts become groups
 * @param linkAt           the least similarity of a pair that counts at all (pairs below it count as 0)
 * @param groupAt          average linkage: the least average similarity between two groups that merge
 * @param centroidsAt      then groups whose centroids are at least this similar merge (a problem raised by hundreds
 *                         of enterprises, which the capped links leave in pieces); above 1: never
 * @param minLength        an appeal of fewer characters (its text, normalised) says too little to share a problem:
 *                         在吗, 你好 from several enterprises are not a hot spot
 * @param neighbours       each text keeps at most this many links to texts before it, its closest: the memory a month
 *                         takes stays in proportion to its appeals however alike they are
 * @param workBudget       the most shingle pairs the index walks; the most frequent shingles are left out until the
 *                         rest fit (like stop words: 我司, 企业, 反映 say little about the problem), so a month of any
 *                         size takes bounded time
 * @param localCategories  categories handled by the street (属地): their appeals group only within one street
 */
public record GroupingRules(int shingle, Similarity similarity, Linkage linkage, double linkAt, double groupAt,
        double centroidsAt, int minLength, int neighbours, long workBudget, Set<String> localCategories) {

    public enum Similarity {
        /** TF-IDF weighted shingles, cosine of the two vectors: rare shared shingles count most */
        COSINE,
        /** the share of distinct shingles the two texts have in common */
        JACCARD
    }

    public enum Linkage {
        /** two groups merge while the average similarity of all their cross pairs is at least {@code groupAt} */
        AVERAGE,
        /** every linked pair joins its groups (connected components): simple, but chains through one bridge */
        SINGLE
    }

    public GroupingRules {
        if (shingle < 1 || shingle > 3) {
            throw new IllegalArgumentException("shingle is 1 to 3 characters");
        }
        if (neighbours < 1 || workBudget < 1) {
            throw new IllegalArgumentException("neighbours and workBudget are positive");
        }
        localCategories = Set.copyOf(localCategories);
    }

    /** The chosen rules, with the categories handled by the street. */
    public static GroupingRules defaults(Set<String> localCategories) {
        return new GroupingRules(2, Similarity.COSINE, Linkage.AVERAGE, 0.2, 0.02, 0.5, 8, 20, 300_000_000L, localCategories);
    }

    public GroupingRules with(Similarity measure, Linkage how, double link, double group) {
        return new GroupingRules(shingle, measure, how, link, group, centroidsAt, minLength, neighbours, workBudget, localCategories);
    }

    public GroupingRules withCentroidsAt(double at) {
        return new GroupingRules(shingle, similarity, linkage, linkAt, groupAt, at, minLength, neighbours, workBudget,
                localCategories);
    }

    public GroupingRules withShingle(int characters) {
        return new GroupingRules(characters, similarity, linkage, linkAt, groupAt, centroidsAt, minLength, neighbours, workBudget,
                localCategories);
    }

    public GroupingRules withLimits(int closest, long budget) {
        return new GroupingRules(shingle, similarity, linkage, linkAt, groupAt, centroidsAt, minLength, closest, budget, localCategories);
    }
}
