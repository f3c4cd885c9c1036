package cn.huiyin.knowledge;

import static cn.huiyin.knowledge.KnowledgeEvaluation.pct;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.knowledge.KnowledgeData.Articles;
import cn.huiyin.knowledge.KnowledgeData.Question;
import cn.huiyin.knowledge.domain.KnowledgeIndex;
import cn.huiyin.knowledge.domain.RetrievalSettings;
import cn.huiyin.knowledge.domain.Search;

/**
 * Writes the retrieval figures of docs/knowledge.md to target/knowledge-evaluation.md (and prints them):
 * {@code mvn -B -o test -Dtest=KnowledgeEvaluationTest}. The held-out questions are only asked, never tuned on; the
 * thresholds come from the tuning data. Fails when a figure of the "done when" is missed.
 */
class KnowledgeEvaluationTest {

    private static final RetrievalSettings CHOSEN = RetrievalSettings.MEASURED;

    @Test
    void the_held_out_figures_are_written_and_meet_the_targets() throws IOException {
        Articles articles = KnowledgeData.articles();
        List<Question> heldOut = KnowledgeData.heldOut(articles);
        Calibration.Tuning tuning = Calibration.tuning(articles.list(), KnowledgeData.tuningQuestions(articles),
                KnowledgeData.negatives(), CHOSEN);
        Thresholds used = Thresholds.of(CHOSEN);
        KnowledgeIndex raw = KnowledgeIndex.of(articles.list(), Outcome.unfiltered(CHOSEN));
        List<Outcome> outcomes = heldOut.stream().map(q -> Outcome.of(raw, q)).toList();
        Figures all = Figures.of(outcomes, used);
        Figures positives = Figures.of(tuning.positives(), used);

        String md = "# Knowledge retrieval: held-out evaluation\n\n"
                + String.format("%d articles, %d held-out questions (%d with an expected article). Thresholds used: %s "
                        + "(calibrated on the tuning data now: %s).%n%n", articles.list().size(), all.questions(),
                        all.answerable(), used, Calibration.choose(tuning))
                + KnowledgeEvaluation.figuresTable(KnowledgeEvaluation.byKind(outcomes), used)
                + String.format("%nTuning data at the thresholds used: left-out question forms top-1 %s, written tuning "
                        + "questions top-1 %s; answered rightly %d of %d, wrong when answering %s; negatives answered "
                        + "%d of %d.%n", pct(Figures.of(tuning.leftOut(), used).top1()),
                        pct(Figures.of(tuning.written(), used).top1()), positives.answeredRightly(),
                        positives.questions(), pct(positives.wrongWhenAnswering()),
                        tuning.negatives().stream().filter(used::answers).count(), tuning.negatives().size());
        md += String.format("%nTexts that ask someone to act (held to the action bar: %s): %s of the held-out questions; "
                + "%d of %d tuning questions, %d of %d negatives.%n",
                used.withholdsActionRequests() ? "no answer" : "a higher bar", flaggedByKind(outcomes),
                tuning.positives().stream().filter(Outcome::asksToAct).count(), tuning.positives().size(),
                tuning.negatives().stream().filter(Outcome::asksToAct).count(), tuning.negatives().size());
        String alphabet = KnowledgeEvaluation.alphabet(articles);
        Figures typos = Figures.of(Calibration.leaveOneFormOut(articles.list(), Outcome.unfiltered(CHOSEN),
                (form, seed) -> KnowledgeEvaluation.withTypo(form, seed, alphabet)), used);
        Figures clean = Figures.of(tuning.leftOut(), used);
        md += String.format("%nTypos on the tuning data: the left-out question forms with one character replaced by a "
                + "random other character of the articles: top-1 %s (unchanged %s), top-3 %s (%s), answered rightly %d "
                + "(%d), wrong when answering %s (%s).%n", pct(typos.top1()), pct(clean.top1()), pct(typos.top3()),
                pct(clean.top3()), typos.answeredRightly(), clean.answeredRightly(), pct(typos.wrongWhenAnswering()),
                pct(clean.wrongWhenAnswering()));
        Path out = Path.of("target", "knowledge-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);

        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all.top1()).isGreaterThanOrEqualTo(0.80);
        assertThat(all.wrongWhenAnswering()).isLessThanOrEqualTo(0.05);
    }

    /** "2 of 46 paraphrase, …, 30 of 300 in all". */
    private static String flaggedByKind(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        KnowledgeEvaluation.byKind(outcomes).forEach((kind, list) -> out.append(out.isEmpty() ? "" : ", ")
                .append(String.format("%d of %d %s", list.stream().filter(Outcome::asksToAct).count(), list.size(),
                        kind.equals("all") ? "in all" : kind)));
        return out.toString();
    }

    @Test
    void the_index_decides_as_the_evaluation_counts() {
        // the figures apply the thresholds to raw scores; the index itself must decide the same way
        Articles articles = KnowledgeData.articles();
        KnowledgeIndex index = KnowledgeIndex.of(articles.list(), CHOSEN);
        KnowledgeIndex raw = KnowledgeIndex.of(articles.list(), Outcome.unfiltered(CHOSEN));
        Thresholds used = Thresholds.of(CHOSEN);
        for (Question q : KnowledgeData.heldOut(articles)) {
            Search search = index.search(q.text(), 3);
            Outcome outcome = Outcome.of(raw, q);
            assertThat(search.answered()).as(q.id()).isEqualTo(used.answers(outcome));
            assertThat(search.hits()).as(q.id())
                    .isEqualTo(outcome.top().stream().filter(h -> h.score() >= used.display()).toList());
        }
    }
}
