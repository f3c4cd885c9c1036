package cn.huiyin.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import cn.huiyin.knowledge.KnowledgeData.Question;
import cn.huiyin.knowledge.domain.IndexedArticle;
import cn.huiyin.knowledge.domain.KnowledgeIndex;
import cn.huiyin.knowledge.domain.RetrievalSettings;

/**
 * Chooses the thresholds without the held-out questions: each article's own question forms are asked of an index that
 * lacks that form (leave one out), questions written for tuning are asked of the whole index, and the negatives
 * (complaints, reports, off-topic questions) must get no answer.
 */
final class Calibration {

    /** At most this share of the answers to the tuning questions may be wrong. */
    static final double MAX_WRONG_WHEN_ANSWERING = 0.02;
    /** At most this share of the negatives may be answered. */
    static final double MAX_NEGATIVES_ANSWERED = 0.02;
    /** The display floor keeps this share of the left-out forms whose article comes first. */
    static final double DISPLAY_KEEPS = 0.99;

    /** @param actionSignal whether the texts that ask someone to act are held to a bar of their own */
    record Tuning(List<Outcome> leftOut, List<Outcome> written, List<Outcome> negatives, boolean actionSignal) {

        /** Every tuning question that has an article: the left-out forms and the written questions. */
        List<Outcome> positives() {
            List<Outcome> all = new ArrayList<>(leftOut);
            all.addAll(written);
            return all;
        }
    }

    private Calibration() {
    }

    static Tuning tuning(List<IndexedArticle> articles, List<Question> written, List<Question> negatives,
            RetrievalSettings settings) {
        RetrievalSettings raw = Outcome.unfiltered(settings);
        KnowledgeIndex whole = KnowledgeIndex.of(articles, raw);
        return new Tuning(leaveOneFormOut(articles, raw), written.stream().map(q -> Outcome.of(whole, q)).toList(),
                negatives.stream().map(q -> Outcome.of(whole, q)).toList(), settings.actionSignal());
    }

    /** Every question form of every article, asked of the index without that form (the title stays). */
    static List<Outcome> leaveOneFormOut(List<IndexedArticle> articles, RetrievalSettings raw) {
        return leaveOneFormOut(articles, raw, (form, seed) -> form);
    }

    /** As {@link #leaveOneFormOut(List, RetrievalSettings)}, asking each form as {@code asked} rewrites it. */
    static List<Outcome> leaveOneFormOut(List<IndexedArticle> articles, RetrievalSettings raw,
            BiFunction<String, Integer, String> asked) {
        List<int[]> forms = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            for (int f = 0; f < articles.get(a).questions().size(); f++) {
                forms.add(new int[] {a, f});
            }
        }
        // one index per left-out form: independent, so both cores can build them
        return forms.parallelStream().map(af -> {
            IndexedArticle article = articles.get(af[0]);
            List<String> rest = new ArrayList<>(article.questions());
            String form = rest.remove(af[1]);
            List<IndexedArticle> without = new ArrayList<>(articles);
            without.set(af[0], new IndexedArticle(article.articleId(), article.title(), rest, article.answer(),
                    article.categoryCode()));
            Question q = new Question("LOO-" + article.articleId() + "-" + af[1],
                    asked.apply(form, af[0] * 100 + af[1]), article.articleId(), "left-out form");
            return Outcome.of(KnowledgeIndex.of(without, raw), q);
        }).toList();
    }

    /**
     * The floor and margin that answer the most tuning questions (left-out forms and written ones) rightly while
     * keeping the wrong answers and the answered negatives under their limits; with the action signal, also the bar that
     * texts asking someone to act must clear on top of them (at least as high, or never). Ties go to the higher (the
     * safer) values: the plain floor, then its margin, then the action bar, "never" first. The display floor keeps
     * {@value #DISPLAY_KEEPS} of the right first suggestions.
     */
    static Thresholds choose(Tuning tuning) {
        double display = displayFloor(tuning.positives());
        // counts per (floor, margin) step, apart for the texts the signal holds to the action bar
        Counts plain = new Counts(display);
        Counts asked = new Counts(display);
        tuning.positives().forEach(o -> (held(tuning, o) ? asked : plain).add(o, false));
        tuning.negatives().forEach(o -> (held(tuning, o) ? asked : plain).add(o, true));
        int negativesAllowed = (int) Math.floor(MAX_NEGATIVES_ANSWERED * tuning.negatives().size() + 1e-9);
        Thresholds best = null;
        int bestRight = -1;
        for (int f = Counts.FLOORS - 1; f >= 0; f--) {
            for (int m = Counts.MARGINS - 1; m >= 0; m--) {
                // the action bar: NEVER (index FLOORS, counts nothing) first, then every step down to the plain one
                for (int af = tuning.actionSignal() ? Counts.FLOORS : f; af >= f; af--) {
                    for (int am = af == Counts.FLOORS || !tuning.actionSignal() ? m : Counts.MARGINS - 1; am >= m; am--) {
                        int answered = plain.answered(f, m) + asked.answered(af, am);
                        int wrong = plain.wrong(f, m) + asked.wrong(af, am);
                        int negatives = plain.negatives(f, m) + asked.negatives(af, am);
                        boolean safe = wrong <= MAX_WRONG_WHEN_ANSWERING * answered && negatives <= negativesAllowed;
                        if (safe && answered - wrong > bestRight) {
                            bestRight = answered - wrong;
                            best = new Thresholds(display, Counts.floor(f, display), m / 100.0, tuning.actionSignal(),
                                    af == Counts.FLOORS ? RetrievalSettings.NEVER : Counts.floor(af, display),
                                    af == Counts.FLOORS ? RetrievalSettings.NEVER : am / 100.0);
                        }
                    }
                }
            }
        }
        return best;
    }

    private static boolean held(Tuning tuning, Outcome o) {
        return tuning.actionSignal() && o.asksToAct();
    }

    /**
     * How many outcomes each pair of thresholds (floor f/100, at least the display floor; margin m/100) answers, how
     * many of them wrongly, and how many negatives; index {@link #FLOORS} is the bar no score reaches.
     */
    private static final class Counts {
        static final int FLOORS = 101;
        static final int MARGINS = 51;

        private final double display;
        private final int[][] answered = new int[FLOORS + 1][MARGINS];
        private final int[][] wrong = new int[FLOORS + 1][MARGINS];
        private final int[][] negatives = new int[FLOORS + 1][MARGINS];

        Counts(double display) {
            this.display = display;
        }

        static double floor(int f, double display) {
            return Math.max(f / 100.0, display);
        }

        void add(Outcome o, boolean negative) {
            for (int f = 0; f < FLOORS && o.first() >= floor(f, display); f++) {
                for (int m = 0; m < MARGINS && o.first() - o.second() >= m / 100.0; m++) {
                    if (negative) {
                        negatives[f][m]++;
                    } else {
                        answered[f][m]++;
                        wrong[f][m] += o.firstRight() ? 0 : 1;
                    }
                }
            }
        }

        int answered(int f, int m) {
            return answered[f][m];
        }

        int wrong(int f, int m) {
            return wrong[f][m];
        }

        int negatives(int f, int m) {
            return negatives[f][m];
        }
    }

    private static double displayFloor(List<Outcome> leftOut) {
        double[] right = leftOut.stream().filter(Outcome::firstRight).mapToDouble(Outcome::first).sorted().toArray();
        if (right.length == 0) {
            return 0;
        }
        int drop = (int) Math.floor(right.length * (1 - DISPLAY_KEEPS));
        return Math.floor(right[drop] * 100) / 100; // round down to the grid, so the kept ones stay
    }
}
