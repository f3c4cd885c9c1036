package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Writes every routing figure of docs/routing.md to target/routing-evaluation.md (and prints it):
 * {@code mvn -B test -Dtest=RoutingEvaluationTest}. Fails when a figure drops well below what is measured today.
 */
class RoutingEvaluationTest {

    @Test
    void the_figures_are_written_and_hold() throws IOException {
        RoutingEvaluation.Result result = RoutingEvaluation.run();
        Path out = Path.of("target", "routing-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.markdown());
        System.out.println(result.markdown());

        assertThat(result.trainingCv().accuracy()).isGreaterThanOrEqualTo(0.81); // 0.839, corpus and written set
        assertThat(result.corpusCv().accuracy()).isGreaterThanOrEqualTo(0.83); // 0.865 with the written set, 0.735 without
        assertThat(result.heldOut().n()).isGreaterThanOrEqualTo(300);
        assertThat(result.heldOut().top1()).isGreaterThanOrEqualTo(0.88); // 0.909
        assertThat(result.byDifficulty().get("hard").top1()).isGreaterThanOrEqualTo(0.84); // 0.869
        // corrections: on the held-out set they cost 0.017 over 200 (0.910 → 0.893, 20 splits) — the goal of a rising
        // curve is not met, and this catches it getting worse; from another hand than the written set (the corpus) they
        // must not cost anything (0.865 → 0.870)
        double[] curve = result.curve();
        assertThat(curve[curve.length - 1]).isGreaterThanOrEqualTo(curve[0] - 0.03);
        double[] writtenBase = result.writtenBaseCurve();
        assertThat(writtenBase[writtenBase.length - 1]).isGreaterThanOrEqualTo(writtenBase[0]);
        assertThat(result.heldOut().precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(result.heldOut().coverage()).isGreaterThanOrEqualTo(0.60);
        assertThat(result.streetRight()).isGreaterThanOrEqualTo(result.localAppeals() - 2);
        assertThat(result.corpusStreetRight()).isGreaterThanOrEqualTo(result.corpusStreetLabels() - 4);
    }

    @Test
    void the_held_out_set_is_apart_from_the_corpus_and_fully_labelled() {
        var corpusTexts = LabeledCorpus.load().stream().map(LabeledText::text).toList();
        var set = HeldOutAppeals.load();

        assertThat(set).hasSizeGreaterThanOrEqualTo(300);
        assertThat(set).noneMatch(a -> corpusTexts.contains(a.text()));
        assertThat(set).allSatisfy(a -> {
            assertThat(a.difficulty()).isIn("easy", "medium", "hard");
            assertThat(a.unit()).isNotBlank();
            if (a.category().equals("LOCAL")) {
                assertThat(a.street()).startsWith("ST-").isEqualTo(a.unit());
            }
        });
    }
}
