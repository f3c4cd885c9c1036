package cn.huiyin.knowledge.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Finds the published articles that answer a question, and says "no good answer" rather than guess.
 *
 * <p>Text is read as character unigrams and bigrams ({@link QueryText}); a question is scored with BM25 against an
 * article's title and question forms (as one text) and against its answer text, the answer counting twice as much:
 * question forms are few and short, and the answer holds the words of the sub-questions nobody wrote down. The index
 * answers only when the best article scores above a floor and is clearly ahead of the second; weaker matches are
 * suggestions. A text that asks someone to act ({@link ActionRequest}: 请帮忙协调, 请督促) is a problem for a person, not a
 * question, however well it matches: it gets suggestions but no answer. The analysis, the cues and the thresholds were
 * chosen by measurement on tuning data (docs/knowledge.md).
 *
 * <p>Immutable and thread-safe. Building reads every article's text once (about 6 ms for 50 articles, 1–2.5 s for
 * 3,000), so build it off the event loop; a search takes well under a millisecond for 50 articles, about 1 ms for
 * 3,000.
 */
public final class KnowledgeIndex {

    private final RetrievalSettings settings;
    private final long[] articleIds;
    private final ScoredField questions;
    private final ScoredField answers;

    private KnowledgeIndex(RetrievalSettings settings, long[] articleIds, ScoredField questions, ScoredField answers) {
        this.settings = settings;
        this.articleIds = articleIds;
        this.questions = questions;
        this.answers = answers;
    }

    public static KnowledgeIndex of(List<IndexedArticle> articles) {
        return of(articles, RetrievalSettings.MEASURED);
    }

    /** An index that reads and decides as {@code settings} say; for comparing analyses. */
    public static KnowledgeIndex of(List<IndexedArticle> articles, RetrievalSettings settings) {
        List<IndexedArticle> copy = List.copyOf(articles);
        List<List<Map<String, Double>>> forms = new ArrayList<>(copy.size());
        List<List<Map<String, Double>>> answerTexts = new ArrayList<>(copy.size());
        for (IndexedArticle a : copy) {
            List<String> texts = new ArrayList<>();
            texts.add(a.title() == null ? "" : a.title());
            texts.addAll(a.questions());
            forms.add(settings.formsApart()
                    ? texts.stream().map(t -> QueryText.terms(t, settings)).toList()
                    : List.of(QueryText.terms(String.join("。", texts), settings)));
            answerTexts.add(List.of(QueryText.terms(a.answer() == null ? "" : a.answer(), settings)));
        }
        long[] ids = copy.stream().mapToLong(IndexedArticle::articleId).toArray();
        return new KnowledgeIndex(settings, ids, ScoredField.of(forms, settings.scoring()),
                ScoredField.of(answerTexts, settings.scoring()));
    }

    /**
     * The articles worth showing for {@code text}, best first, at most {@code limit}; {@code answer} is the first of
     * them when the index is sure it answers the question, never when the text asks someone to act (unless the settings
     * say otherwise). A blank text finds nothing.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public Search search(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        double[] score = scores(text);
        List<Hit> ranked = IntStream.range(0, score.length).filter(a -> score[a] > 0)
                .mapToObj(a -> new Hit(articleIds[a], score[a]))
                .sorted(Comparator.comparingDouble(Hit::score).reversed()) // stable: ties keep index order
                .toList();
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
        List<Hit> shown = ranked.stream().filter(h -> h.score() >= settings.displayFloor()).limit(limit).toList();
        Hit answer = !shown.isEmpty() && sure(shown.get(0).score(), second, text) ? shown.get(0) : null;
        return new Search(shown, answer);
    }

    /** Every article's score for {@code text}, in index order; for calibration. */
    double[] scores(String text) {
        Map<String, Double> terms = QueryText.terms(text, settings);
        double[] score = questions.score(terms);
        if (settings.answerWeight() > 0) {
            double[] fromAnswers = answers.score(terms);
            for (int a = 0; a < score.length; a++) {
                score[a] = (score[a] + settings.answerWeight() * fromAnswers[a]) / (1 + settings.answerWeight());
            }
        }
        return score;
    }

    private boolean sure(double best, double second, String text) {
        if (!settings.sure(best, second, false)) {
            return false; // most searches end here, without reading the cues
        }
        return !settings.actionSignal() || settings.sure(best, second, ActionRequest.in(text));
    }

    public int size() {
        return articleIds.length;
    }

    public RetrievalSettings settings() {
        return settings;
    }
}
