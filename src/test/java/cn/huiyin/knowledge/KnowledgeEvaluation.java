package cn.huiyin.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

import cn.huiyin.knowledge.Calibration.Tuning;
import cn.huiyin.knowledge.KnowledgeData.Articles;
import cn.huiyin.knowledge.KnowledgeData.Question;
import cn.huiyin.knowledge.domain.ActionRequest;
import cn.huiyin.knowledge.domain.KnowledgeIndex;
import cn.huiyin.knowledge.domain.RetrievalSettings;
import cn.huiyin.routing.domain.TextFeatures;

/** Measures an analysis: calibrated on the tuning data, then (if given) asked the held-out questions. */
final class KnowledgeEvaluation {

    record Measured(String name, RetrievalSettings settings, Thresholds calibrated, Figures leftOut, Figures written,
            Figures positives, long negativesAnswered, int negatives, List<Outcome> heldOut) {

        /** Held-out figures at the calibrated thresholds; null without a held-out set. */
        Figures heldOutFigures() {
            return heldOut == null ? null : Figures.of(heldOut, calibrated);
        }

        double negativesAnsweredShare() {
            return (double) negativesAnswered / negatives;
        }
    }

    private KnowledgeEvaluation() {
    }

    static Measured measure(String name, RetrievalSettings settings, Articles articles, List<Question> written,
            List<Question> negatives, List<Question> heldOut) {
        Tuning tuning = Calibration.tuning(articles.list(), written, negatives, settings);
        Thresholds t = Calibration.choose(tuning);
        long negativesAnswered = tuning.negatives().stream().filter(t::answers).count();
        List<Outcome> held = null;
        if (heldOut != null) {
            KnowledgeIndex index = KnowledgeIndex.of(articles.list(), Outcome.unfiltered(settings));
            held = heldOut.stream().map(q -> Outcome.of(index, q)).toList();
        }
        return new Measured(name, settings, t, Figures.of(tuning.leftOut(), t), Figures.of(tuning.written(), t),
                Figures.of(tuning.positives(), t), negativesAnswered,
                tuning.negatives().size(), held);
    }

    /** The questions grouped by kind (those with an article first, each in file order), then all together. */
    static Map<String, List<Outcome>> byKind(List<Outcome> outcomes) {
        Map<String, List<Outcome>> kinds = outcomes.stream()
                .sorted(Comparator.comparing((Outcome o) -> !o.expectsAnArticle())) // stable: answerable kinds first
                .collect(Collectors.groupingBy(o -> o.question().kind(), LinkedHashMap::new, Collectors.toList()));
        kinds.put("all", outcomes);
        return kinds;
    }

    static String figuresTable(Map<String, List<Outcome>> groups, Thresholds t) {
        StringBuilder md = new StringBuilder(
                "| kind | questions | top-1 | top-3 | answered | wrong when answering | \"no answer\" precision | \"no answer\" recall |\n"
                        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        groups.forEach((kind, list) -> {
            Figures f = Figures.of(list, t);
            md.append(String.format("| %s | %d | %s | %s | %s | %s (%d of %d) | %s | %s |%n", kind, f.questions(),
                    pct(f.top1()), pct(f.top3()), pct(f.answeredShare()), pct(f.wrongWhenAnswering()), f.wrong(),
                    f.answered(), pct(f.noAnswerPrecision()), pct(f.noAnswerRecall())));
        });
        return md.toString();
    }

    static String variantsTable(List<Measured> variants) {
        StringBuilder md = new StringBuilder("| analysis | left-out top-1 | left-out top-3 | written top-1 "
                + "| tuning answered rightly | tuning wrong when answering | negatives answered "
                + "| thresholds (display / answer / margin; asked to act) "
                + "| held-out top-1 | held-out top-3 | held-out answered | held-out wrong when answering |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (Measured m : variants) {
            Figures p = m.positives();
            Figures h = m.heldOutFigures();
            md.append(String.format("| %s | %s | %s | %s | %d of %d | %s | %d of %d | %s | %s | %s | %s | %s |%n",
                    m.name(), pct(m.leftOut().top1()), pct(m.leftOut().top3()), pct(m.written().top1()),
                    p.answeredRightly(), p.questions(), pct(p.wrongWhenAnswering()), m.negativesAnswered(),
                    m.negatives(), thresholds(m.calibrated()),
                    h == null ? "–" : pct(h.top1()), h == null ? "–" : pct(h.top3()),
                    h == null ? "–" : pct(h.answeredShare()), h == null ? "–" : pct(h.wrongWhenAnswering())));
        }
        return md.toString();
    }

    /** "0.13 / 0.29 / 0.09; never": the plain thresholds, then the bar for texts that ask someone to act. */
    static String thresholds(Thresholds t) {
        String bar = !t.actionSignal() ? "–" : t.withholdsActionRequests() ? "never"
                : String.format("%.2f / %.2f", t.actionFloor(), t.actionMargin());
        return String.format("%.2f / %.2f / %.2f; %s", t.display(), t.floor(), t.margin(), bar);
    }

    /** A way of telling that a text asks someone to act, compared on the tuning data. */
    record CueSet(String name, Predicate<String> asksToAct) {
    }

    /**
     * The chosen cues ({@link ActionRequest}), none, and the alternatives measured against them: a bare 请, the words
     * for how long or how often something failed, 投诉 and 举报, and the cue list first proposed. Texts are read as
     * routing reads them; the 16 traditional characters the knowledge index adds matter to none of these cues.
     */
    static List<CueSet> cueSets() {
        List<String> persistence = List.of("一直没", "迟迟", "被退回", "多次", "三次", "还是没", "至今", "拖欠");
        List<String> proposed = List.of("请帮忙协调", "请协调", "催办", "督促", "投诉", "举报", "一直没", "迟迟", "被退回", "多次",
                "三次", "还是没", "至今", "拖欠");
        return List.of(
                new CueSet("none: every text held to the plain thresholds", null),
                new CueSet("**chosen**: a plea with 请 (not 申请, 请问, …, not 请告知 …) or an urging (督促, 催办, 要求核实, …)",
                        ActionRequest::in),
                new CueSet("a bare 请 (only 申请 and 请问 set aside)", t -> barePlea(TextFeatures.normalise(t))),
                new CueSet("chosen + how long or how often (一直没, 迟迟, 被退回, 多次, 三次, 还是没, 至今, 拖欠)",
                        t -> ActionRequest.in(t) || containsAny(t, persistence)),
                new CueSet("chosen + 投诉, 举报", t -> ActionRequest.in(t) || containsAny(t, List.of("投诉", "举报"))),
                new CueSet("how long or how often alone", t -> containsAny(t, persistence)),
                new CueSet("the list first proposed (请帮忙协调, 请协调, 催办, 督促, 投诉, 举报, 一直没, 迟迟, 被退回, 多次, 三次, 还是没, 至今, 拖欠)",
                        t -> containsAny(t, proposed)));
    }

    private static boolean containsAny(String text, List<String> cues) {
        String plain = TextFeatures.normalise(text);
        return cues.stream().anyMatch(plain::contains);
    }

    private static boolean barePlea(String plain) {
        return plain.replace("申请", "").replace("请问", "").contains("请");
    }

    /** The tuning outcomes with the texts that ask someone to act told by {@code cues} (none: the signal is off). */
    static Tuning flaggedBy(Tuning tuning, CueSet cues) {
        UnaryOperator<List<Outcome>> flag = list -> list.stream()
                .map(o -> new Outcome(o.question(), o.top(), cues.asksToAct() != null
                        && cues.asksToAct().test(o.question().text())))
                .toList();
        return new Tuning(flag.apply(tuning.leftOut()), flag.apply(tuning.written()), flag.apply(tuning.negatives()),
                cues.asksToAct() != null);
    }

    static String cuesTable(Tuning tuning) {
        StringBuilder md = new StringBuilder("| cues | tuning questions flagged | negatives flagged "
                + "| tuning answered rightly | tuning wrong when answering | negatives answered "
                + "| thresholds (display / answer / margin; asked to act) |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (CueSet cues : cueSets()) {
            Tuning flagged = flaggedBy(tuning, cues);
            Thresholds t = Calibration.choose(flagged);
            Figures p = Figures.of(flagged.positives(), t);
            md.append(String.format("| %s | %d of %d | %d of %d | %d | %s | %d | %s |%n", cues.name(),
                    flagged.positives().stream().filter(Outcome::asksToAct).count(), p.questions(),
                    flagged.negatives().stream().filter(Outcome::asksToAct).count(), flagged.negatives().size(),
                    p.answeredRightly(), pct(p.wrongWhenAnswering()),
                    flagged.negatives().stream().filter(t::answers).count(), thresholds(t)));
        }
        return md.toString();
    }

    /** The analyses compared: a plain baseline, the chosen one, and the chosen one with one choice undone. */
    static List<Map.Entry<String, RetrievalSettings>> variants() {
        RetrievalSettings chosen = RetrievalSettings.MEASURED;
        List<Map.Entry<String, RetrievalSettings>> list = new ArrayList<>();
        list.add(Map.entry("baseline: bigrams, TF-IDF cosine, no answer text, no colloquialisms, no action signal",
                chosen.withUnigramWeight(0).withScoring(RetrievalSettings.Scoring.TFIDF_COSINE).withAnswerWeight(0)
                        .withColloquialisms(false).withActionSignal(false)));
        list.add(Map.entry("**chosen**: unigrams + bigrams, BM25, answer text at weight 2, colloquialisms, "
                + "no answer when asked to act", chosen));
        list.add(Map.entry("chosen, bigrams only", chosen.withUnigramWeight(0)));
        list.add(Map.entry("chosen, unigrams at weight 0.5", chosen.withUnigramWeight(0.5)));
        list.add(Map.entry("chosen, without the answer text", chosen.withAnswerWeight(0)));
        list.add(Map.entry("chosen, answer text at weight 1", chosen.withAnswerWeight(1)));
        list.add(Map.entry("chosen, TF-IDF cosine instead of BM25",
                chosen.withScoring(RetrievalSettings.Scoring.TFIDF_COSINE)));
        list.add(Map.entry("chosen, each question form scored apart", chosen.withFormsApart(true)));
        list.add(Map.entry("chosen, without colloquialisms", chosen.withColloquialisms(false)));
        list.add(Map.entry("chosen, without the action signal (texts that ask someone to act read like questions)",
                chosen.withActionSignal(false)));
        return list;
    }

    /**
     * One character of {@code text} replaced by another Chinese character of the articles, at a place and with a
     * character drawn from {@code seed}: a typo that is not even a homophone, the hard case for n-grams.
     */
    static String withTypo(String text, int seed, String alphabet) {
        Random random = new Random(seed);
        int[] cps = text.codePoints().toArray();
        int[] chinese = IntStream.range(0, cps.length).filter(i -> Character.UnicodeScript.of(cps[i])
                == Character.UnicodeScript.HAN).toArray();
        if (chinese.length == 0) {
            return text;
        }
        int at = chinese[random.nextInt(chinese.length)];
        int[] letters = alphabet.codePoints().toArray();
        int replacement;
        do {
            replacement = letters[random.nextInt(letters.length)];
        } while (replacement == cps[at]);
        cps[at] = replacement;
        return new String(cps, 0, cps.length);
    }

    /** Every Chinese character of the articles' text, once. */
    static String alphabet(Articles articles) {
        StringBuilder all = new StringBuilder();
        articles.list().forEach(a -> all.append(a.title()).append(String.join("", a.questions())).append(a.answer()));
        return all.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).distinct()
                .sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    static String pct(double x) {
        return Double.isNaN(x) ? "–" : String.format("%.1f %%", 100 * x);
    }
}
