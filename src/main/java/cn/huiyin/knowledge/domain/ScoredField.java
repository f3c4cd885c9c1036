package cn.huiyin.knowledge.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.knowledge.domain.RetrievalSettings.Scoring;

/**
 * One field of every article (its title and question forms, or its answer) as an inverted index of passages; an
 * article scores its best passage. Scores are divided by what the question could score at most, so that one floor fits
 * short and long questions: a question whose telling n-grams are all in a passage scores about 1, one that is half
 * about something else about 0.5. Immutable once built.
 */
final class ScoredField {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Scoring scoring;
    private final int articleCount;
    private final int[] articleOfPassage;
    /** BM25: the passage's length (sum of term weights); cosine: its vector's norm. */
    private final double[] passageSize;
    private final double averageLength;
    private final Map<String, Postings> postings;
    /** The weight of an n-gram no article has: the rarest there could be, so unknown words count against a match. */
    private final double unknownIdf;

    /** Where a term occurs (passage, weighted frequency) and its inverse document frequency over the articles. */
    private record Postings(int[] passages, double[] frequencies, double idf) {
    }

    private ScoredField(Scoring scoring, int articleCount, int[] articleOfPassage, double[] passageSize,
            double averageLength, Map<String, Postings> postings) {
        this.scoring = scoring;
        this.articleCount = articleCount;
        this.articleOfPassage = articleOfPassage;
        this.passageSize = passageSize;
        this.averageLength = averageLength;
        this.postings = postings;
        this.unknownIdf = idf(articleCount, 0);
    }

    /** @param passagesByArticle per article (in index order), its passages as term → weighted frequency */
    static ScoredField of(List<List<Map<String, Double>>> passagesByArticle, Scoring scoring) {
        int articles = passagesByArticle.size();
        int passageCount = passagesByArticle.stream().mapToInt(List::size).sum();
        int[] articleOfPassage = new int[passageCount];
        double[] length = new double[passageCount];
        Map<String, PostingsBuilder> builders = new HashMap<>();
        int p = 0;
        for (int a = 0; a < articles; a++) {
            for (Map<String, Double> passage : passagesByArticle.get(a)) {
                articleOfPassage[p] = a;
                for (Map.Entry<String, Double> e : passage.entrySet()) {
                    builders.computeIfAbsent(e.getKey(), t -> new PostingsBuilder()).add(a, p, e.getValue());
                    length[p] += e.getValue();
                }
                p++;
            }
        }
        Map<String, Postings> postings = new HashMap<>(builders.size() * 2);
        double[] squares = new double[passageCount];
        builders.forEach((term, b) -> {
            Postings built = b.build(idf(articles, b.articles));
            postings.put(term, built);
            for (int i = 0; i < built.passages.length; i++) {
                squares[built.passages[i]] += Math.pow(built.frequencies[i] * built.idf, 2);
            }
        });
        double[] size = scoring == Scoring.BM25 ? length : Arrays.stream(squares).map(Math::sqrt).toArray();
        double average = passageCount == 0 ? 1 : Math.max(Arrays.stream(length).sum() / passageCount, 1e-9);
        // never changed after this point, and published through final fields: safe to read from any thread
        return new ScoredField(scoring, articles, articleOfPassage, size, average, postings);
    }

    /** Lucene's smoothed IDF: always positive, highest for an n-gram no article has. */
    private static double idf(int articles, int documentFrequency) {
        return Math.log(1 + (articles - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    /** Per article, its best passage's score for the question's terms (0 when none of them occurs). */
    double[] score(Map<String, Double> query) {
        double[] passageScore = new double[articleOfPassage.length];
        double most = 0;
        for (Map.Entry<String, Double> term : query.entrySet()) {
            Postings found = postings.get(term.getKey());
            double idf = found == null ? unknownIdf : found.idf;
            double q = term.getValue() * idf;
            most += scoring == Scoring.BM25 ? q : q * q;
            if (found == null) {
                continue;
            }
            for (int i = 0; i < found.passages.length; i++) {
                int p = found.passages[i];
                double tf = found.frequencies[i];
                passageScore[p] += scoring == Scoring.BM25
                        ? q * tf * (K1 + 1) / (tf + K1 * (1 - B + B * passageSize[p] / averageLength))
                        : q * tf * idf;
            }
        }
        double[] articleScore = new double[articleCount];
        if (most == 0) {
            return articleScore;
        }
        double norm = scoring == Scoring.BM25 ? most : Math.sqrt(most);
        for (int p = 0; p < passageScore.length; p++) {
            if (passageScore[p] > 0) {
                double s = scoring == Scoring.BM25 ? passageScore[p] / norm : passageScore[p] / norm / passageSize[p];
                int a = articleOfPassage[p];
                articleScore[a] = Math.max(articleScore[a], s);
            }
        }
        return articleScore;
    }

    private static final class PostingsBuilder {
        private int[] passages = new int[2];
        private double[] frequencies = new double[2];
        private int size;
        private int articles;
        private int lastArticle = -1;

        void add(int article, int passage, double frequency) {
            if (article != lastArticle) {
                articles++; // passages come article by article, so this counts each article once
                lastArticle = article;
            }
            if (size == passages.length) {
                passages = Arrays.copyOf(passages, size * 2);
                frequencies = Arrays.copyOf(frequencies, size * 2);
            }
            passages[size] = passage;
            frequencies[size++] = frequency;
        }

        Postings build(double idf) {
            return new Postings(Arrays.copyOf(passages, size), Arrays.copyOf(frequencies, size), idf);
        }
    }
}
