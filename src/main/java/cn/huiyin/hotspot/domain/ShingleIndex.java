package cn.huiyin.hotspot.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Texts as vectors of character shingles, and the pairs of texts similar enough to link. Pairs are found through an
 * inverted index (each text meets only the texts it shares a shingle with), so a month of appeals is not compared
 * pair by pair. The most frequent shingles are not walked (until the walk fits the budget), but they stay in the
 * vectors: a pair met through its other shingles is scored on all of them, so a problem raised by a thousand
 * enterprises, whose own words have become frequent, still holds together.
 */
final class ShingleIndex {

    /** Whether two texts may be linked, beyond their words: category, street. */
    @FunctionalInterface
    interface PairRule {
        boolean mayLink(int a, int b);
    }

    private final GroupingRules rules;
    private final int terms;
    /** Per text: its shingles (term ids, ascending) and their weights, parallel. */
    private final int[][] termsOf;
    private final float[][] weightsOf;
    /** Shingles in more texts than this are not walked. */
    private final int cutoff;
    private final int[] documentFrequency;
    /** Per text: the length of the part of its vector that is not walked (what a pair may share unseen). */
    private final double[] unwalked;

    private ShingleIndex(GroupingRules rules, int terms, int[][] termsOf, float[][] weightsOf, int cutoff,
            int[] documentFrequency) {
        this.rules = rules;
        this.terms = terms;
        this.termsOf = termsOf;
        this.weightsOf = weightsOf;
        this.cutoff = cutoff;
        this.documentFrequency = documentFrequency;
        this.unwalked = new double[termsOf.length];
        for (int i = 0; i < termsOf.length; i++) {
            double squares = 0;
            for (int k = 0; k < termsOf[i].length; k++) {
                squares += documentFrequency[termsOf[i][k]] > cutoff ? weightsOf[i][k] * weightsOf[i][k] : 0;
            }
            unwalked[i] = Math.sqrt(squares);
        }
    }

    /** Indexes texts already normalised (see {@code TextFeatures.normalise}). */
    static ShingleIndex of(List<String> normalised, GroupingRules rules) {
        int n = normalised.size();
        ShingleIds ids = new ShingleIds();
        int[][] termsOf = new int[n][];
        int[][] countsOf = new int[n][];
        int[] documentFrequency = new int[64];
        for (int i = 0; i < n; i++) {
            long[] shingles = shingles(normalised.get(i), rules.shingle());
            Arrays.sort(shingles);
            int distinct = 0;
            int[] terms = new int[shingles.length];
            int[] counts = new int[shingles.length];
            for (int s = 0; s < shingles.length; s++) {
                if (s > 0 && shingles[s] == shingles[s - 1]) {
                    counts[distinct - 1]++;
                    continue;
                }
                terms[distinct] = ids.idOf(shingles[s]);
                counts[distinct++] = 1;
            }
            // by term id: the dot product of two texts walks their shingles side by side
            long[] byTerm = new long[distinct];
            for (int d = 0; d < distinct; d++) {
                byTerm[d] = (long) terms[d] << 32 | counts[d];
            }
            Arrays.sort(byTerm);
            termsOf[i] = new int[distinct];
            countsOf[i] = new int[distinct];
            for (int d = 0; d < distinct; d++) {
                termsOf[i][d] = (int) (byTerm[d] >>> 32);
                countsOf[i][d] = (int) byTerm[d];
            }
            if (ids.size() > documentFrequency.length) {
                documentFrequency = Arrays.copyOf(documentFrequency, Math.max(ids.size(), documentFrequency.length * 2));
            }
            for (int term : termsOf[i]) {
                documentFrequency[term]++;
            }
        }
        // weights count the reference appeals too (a month of ten weighs words as a large one); the walk does not
        int[] weighingFrequency = Arrays.copyOf(documentFrequency, ids.size());
        ReferenceFrequencies.of(rules.shingle()).forEach((shingle, df) -> {
            int term = ids.find(shingle);
            if (term >= 0) {
                weighingFrequency[term] += df;
            }
        });
        int weighedAppeals = n + ReferenceFrequencies.appeals();
        float[][] weightsOf = new float[n][];
        for (int i = 0; i < n; i++) {
            weightsOf[i] = weights(termsOf[i], countsOf[i], weighingFrequency, weighedAppeals, rules.similarity());
        }
        return new ShingleIndex(rules, ids.size(), termsOf, weightsOf,
                cutoff(documentFrequency, ids.size(), rules.workBudget()), documentFrequency);
    }

    /** The highest document frequency whose shingles all fit the budget of pairs walked (each shingle: df² / 2). */
    static int cutoff(int[] documentFrequency, int terms, long budget) {
        int highest = 0;
        for (int t = 0; t < terms; t++) {
            highest = Math.max(highest, documentFrequency[t]);
        }
        long[] pairsAt = new long[highest + 1];
        for (int t = 0; t < terms; t++) {
            long df = documentFrequency[t];
            pairsAt[(int) df] += df * (df - 1) / 2;
        }
        long walked = 0;
        for (int df = 1; df <= highest; df++) {
            walked += pairsAt[df];
            if (walked > budget) {
                return df - 1;
            }
        }
        return highest;
    }

    /** A text's shingle weights: TF-IDF scaled to length 1 for cosine, 1 each for Jaccard. */
    private static float[] weights(int[] terms, int[] counts, int[] documentFrequency, int n,
            GroupingRules.Similarity similarity) {
        float[] weights = new float[terms.length];
        if (similarity == GroupingRules.Similarity.JACCARD) {
            Arrays.fill(weights, 1);
            return weights;
        }
        double squares = 0;
        for (int k = 0; k < terms.length; k++) {
            double w = (1 + Math.log(counts[k])) * Math.log(1 + (double) n / documentFrequency[terms[k]]);
            weights[k] = (float) w;
            squares += w * w;
        }
        double norm = squares == 0 ? 1 : Math.sqrt(squares);
        for (int k = 0; k < terms.length; k++) {
            weights[k] = (float) (weights[k] / norm);
        }
        return weights;
    }

    int cutoff() {
        return cutoff;
    }

    /** Text {@code i}'s kept shingles (term ids, ascending) … */
    int[] termsOf(int i) {
        return termsOf[i];
    }

    /** … and their weights. */
    float[] weightsOf(int i) {
        return weightsOf[i];
    }

    /**
     * The pairs at least {@code linkAt} similar that {@code rule} allows: each text's closest {@code neighbours} among
     * those before it, and any pair while the earlier text has fewer than {@code neighbours} from those after it (or a
     * text met early in a large group would be nobody's closest, and left alone). Each text meets those before it
     * through the postings of its shingles, accumulating the dot product (or the shared count); then it joins them.
     */
    Links links(PairRule rule) {
        int n = termsOf.length;
        int[][] postings = new int[terms][];
        float[][] postingWeights = new float[terms][];
        int[] postingLength = new int[terms];
        double[] shared = new double[n];
        int[] touched = new int[n];
        Closest closest = new Closest(rules.neighbours());
        int[] later = new int[n];
        int[] candidates = new int[n];
        double[] candidateSimilarity = new double[n];
        Links links = new Links();
        for (int i = 0; i < n; i++) {
            int met = 0;
            for (int k = 0; k < termsOf[i].length; k++) {
                int term = termsOf[i][k];
                float w = weightsOf[i][k];
                if (documentFrequency[term] > cutoff) {
                    continue;
                }
                for (int p = 0; p < postingLength[term]; p++) {
                    int j = postings[term][p];
                    if (shared[j] == 0) {
                        touched[met++] = j;
                    }
                    shared[j] += w * postingWeights[term][p];
                }
            }
            closest.clear();
            int found = 0;
            for (int m = 0; m < met; m++) {
                int j = touched[m];
                double similarity = similarity(i, j, shared[j]);
                shared[j] = 0;
                if (similarity >= rules.linkAt() && rule.mayLink(j, i)) {
                    closest.offer(j, similarity);
                    candidates[found] = j;
                    candidateSimilarity[found++] = similarity;
                }
            }
            for (int c = 0; c < found; c++) {
                int j = candidates[c];
                if (closest.contains(j) || later[j] < rules.neighbours()) {
                    links.add(j, i, candidateSimilarity[c]);
                    later[j]++;
                }
            }
            for (int k = 0; k < termsOf[i].length; k++) {
                int term = termsOf[i][k];
                if (documentFrequency[term] > cutoff) {
                    continue;
                }
                if (postings[term] == null) {
                    postings[term] = new int[4];
                    postingWeights[term] = new float[4];
                } else if (postingLength[term] == postings[term].length) {
                    postings[term] = Arrays.copyOf(postings[term], postingLength[term] * 2);
                    postingWeights[term] = Arrays.copyOf(postingWeights[term], postingLength[term] * 2);
                }
                postings[term][postingLength[term]] = i;
                postingWeights[term][postingLength[term]++] = weightsOf[i][k];
            }
        }
        return links;
    }

    /**
     * The pair's similarity, from what the walk accumulated ({@code walked}); where their unwalked shingles could lift
     * it to {@code linkAt} (for cosine, Cauchy–Schwarz bounds them by the product of their lengths), from the whole
     * vectors.
     */
    private double similarity(int a, int b, double walked) {
        boolean cosine = rules.similarity() == GroupingRules.Similarity.COSINE;
        double shared = walked;
        if (unwalked[a] > 0 && unwalked[b] > 0 && (!cosine || walked + unwalked[a] * unwalked[b] >= rules.linkAt())) {
            shared = dot(a, b);
        }
        return cosine ? Math.min(1, shared) : shared / (termsOf[a].length + termsOf[b].length - shared);
    }

    private double dot(int a, int b) {
        int[] ta = termsOf[a];
        int[] tb = termsOf[b];
        double dot = 0;
        for (int x = 0, y = 0; x < ta.length && y < tb.length;) {
            if (ta[x] == tb[y]) {
                dot += weightsOf[a][x++] * weightsOf[b][y++];
            } else if (ta[x] < tb[y]) {
                x++;
            } else {
                y++;
            }
        }
        return dot;
    }

    /** The text's shingles, each packed into a long (21 bits a code point); a text shorter than one is one shingle. */
    static long[] shingles(String normalised, int size) {
        int[] cps = normalised.codePoints().toArray();
        if (cps.length == 0) {
            return new long[0];
        }
        int width = Math.min(size, cps.length);
        long[] shingles = new long[cps.length - width + 1];
        for (int p = 0; p < shingles.length; p++) {
            long packed = 0;
            for (int c = 0; c < width; c++) {
                packed = packed << 21 | cps[p + c];
            }
            shingles[p] = packed;
        }
        return shingles;
    }

    /** The most similar few texts met so far (a small array kept sorted: a text has few close ones). */
    private static final class Closest {

        private final int[] texts;
        private final double[] similarities;
        private int size;

        Closest(int capacity) {
            texts = new int[capacity];
            similarities = new double[capacity];
        }

        void clear() {
            size = 0;
        }

        void offer(int text, double similarity) {
            if (size == texts.length && similarity <= similarities[size - 1]) {
                return;
            }
            int at = size == texts.length ? size - 1 : size++;
            while (at > 0 && similarities[at - 1] < similarity) {
                texts[at] = texts[at - 1];
                similarities[at] = similarities[at - 1];
                at--;
            }
            texts[at] = text;
            similarities[at] = similarity;
        }

        boolean contains(int text) {
            for (int k = 0; k < size; k++) {
                if (texts[k] == text) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Shingle → term id, numbered as first met: an open-addressing table of longs (boxing them cost most of the time). */
    private static final class ShingleIds {

        private long[] keys = new long[1 << 12];
        private int[] ids = new int[1 << 12];
        private int size;

        int idOf(long shingle) {
            int slot = slot(shingle);
            if (ids[slot] == 0) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    slot = slot(shingle);
                }
                keys[slot] = shingle;
                ids[slot] = ++size; // stored one up: 0 marks a free slot
            }
            return ids[slot] - 1;
        }

        int size() {
            return size;
        }

        /** The shingle's id, or -1 where no text has it. */
        int find(long shingle) {
            return ids[slot(shingle)] - 1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new long[oldKeys.length * 2];
            ids = new int[keys.length];
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldIds[s] != 0) {
                    int slot = slot(oldKeys[s]);
                    keys[slot] = oldKeys[s];
                    ids[slot] = oldIds[s];
                }
            }
        }

        private int slot(long shingle) {
            int mask = keys.length - 1;
            int s = (int) (shingle * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (ids[s] != 0 && keys[s] != shingle) {
                s = s + 1 & mask;
            }
            return s;
        }
    }
}
