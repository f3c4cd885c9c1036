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

        assertThat(result.trainingCv().accuracy()).isGreaterThanOrEqualTo(0.81); // 0.843, corpus and written set
        assertThat(result.corpusCv().accuracy()).isGreaterThanOrEqualTo(0.84); // 0.878 with the written set
        assertThat(result.heldOut().n()).isGreaterThanOrEqualTo(300);
        assertThat(result.heldOut().top1()).isGreaterThanOrEqualTo(0.89); // 0.913
        assertThat(result.byDifficulty().get("hard").top1()).isGreaterThanOrEqualTo(0.85); // 0.877
        // corrections: on the held-out set 200 of them leave top-1 where it was (0.915 → 0.915, 20 splits) — the goal of
        // a rising curve is not met there, and this catches it falling; from another hand than the written set (the
        // corpus) they must help (0.875 → 0.890)
        double[] curve = result.curve();
        assertThat(curve[curve.length - 1]).isGreaterThanOrEqualTo(curve[0] - 0.01);
        double[] writtenBase = result.writtenBaseCurve();
        assertThat(writtenBase[writtenBase.length - 1]).isGreaterThanOrEqualTo(writtenBase[0] + 0.005);
        assertThat(result.heldOut().precision()).isGreaterThanOrEqualTo(0.97); // 0.995
        assertThat(result.heldOut().coverage()).isGreaterThanOrEqualTo(0.60); // 0.628
        assertThat(result.trainingCv().precision()).isGreaterThanOrEqualTo(0.96); // 0.970 at the threshold chosen for it
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
