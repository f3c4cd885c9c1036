package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The written training set (/routing/written-examples.jsonl): fully labelled in the corpus's format, every catalogue
 * category present, and kept apart from the held-out set and the corpus — no written text is a close paraphrase
 * (character-bigram Jaccard above 0.35) of a held-out or corpus text.
 */
class WrittenExamplesTest {

    static final String RESOURCE = "/routing/written-examples.jsonl";
    static final double CLOSE_PARAPHRASE = 0.35;

    private final List<Map<String, String>> rows = LabeledCorpus.rows(RESOURCE);

    @Test
    void every_line_is_labelled_with_a_catalogue_category_and_every_category_is_written() {
        Catalogue catalogue = ReferenceCatalogue.load();

        assertThat(rows).hasSizeBetween(600, 1000);
        assertThat(rows).allSatisfy(r -> {
            assertThat(catalogue.knowsCategory(r.get("category"))).as(r.get("id")).isTrue();
            assertThat(r.get("channel")).isIn("WEB", "PHONE", "WECHAT");
            assertThat(r.get("text")).isNotBlank();
            if (r.get("category").equals("LOCAL")) { // a local matter names its street, as in the corpus
                assertThat(StreetGazetteer.TIANHE.locate(r.get("text"), null)).as(r.get("id")).contains(r.get("street"));
            }
        });
        assertThat(rows.stream().map(r -> r.get("category")).distinct()).containsExactlyInAnyOrderElementsOf(
                catalogue.rules().keySet());
        assertThat(rows.stream().map(r -> r.get("text")).distinct()).hasSameSizeAs(rows);
        assertThat(ReferenceCatalogue.written()).hasSameSizeAs(rows);
    }

    @Test
    void no_written_text_is_a_close_paraphrase_of_a_held_out_or_corpus_text() {
        List<Set<String>> heldOut = HeldOutAppeals.load().stream().map(a -> bigrams(a.text())).toList();
        List<Set<String>> corpus = LabeledCorpus.load().stream().map(e -> bigrams(e.text())).toList();

        assertThat(rows).allSatisfy(r -> {
            Set<String> written = bigrams(r.get("text"));
            assertThat(heldOut).as(r.get("id") + " against the held-out set")
                    .allSatisfy(h -> assertThat(jaccard(written, h)).isLessThanOrEqualTo(CLOSE_PARAPHRASE));
            assertThat(corpus).as(r.get("id") + " against the corpus")
                    .allSatisfy(c -> assertThat(jaccard(written, c)).isLessThanOrEqualTo(CLOSE_PARAPHRASE));
        });
    }

    /** Character bigrams of the text as the classifier reads it (simplified script, no punctuation or spaces). */
    static Set<String> bigrams(String text) {
        String s = TextFeatures.normalise(text);
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / union.size();
    }
}
