package cn.huiyin.routing.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.routing.application.KnowledgeArticleExamples;
import cn.huiyin.routing.application.WrittenExamples;

/**
 * The catalogue a fresh install is seeded with (/reference/tianhe-catalog.json), for the evaluation: the
 * service learns from the categories' names as they stand in its database, which start as these, and from the
 * knowledge base's seeded articles of these categories.
 */
final class ReferenceCatalogue {

    static final String RESOURCE = "/reference/tianhe-catalog.json";

    private ReferenceCatalogue() {
    }

    static Catalogue load() {
        var in = Objects.requireNonNull(ReferenceCatalogue.class.getResourceAsStream(RESOURCE), RESOURCE);
        try (in) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, DispatchRule> rules = new HashMap<>();
            root.get("categories").forEach(c -> rules.put(c.get("code").asText(), new DispatchRule(c.get("code").asText(),
                    c.get("name").asText(), c.get("unit").asText(), null)));
            Map<String, String> units = new HashMap<>();
            root.get("units").forEach(u -> units.put(u.get("code").asText(), u.get("name").asText()));
            return new Catalogue(rules, units);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The category names as training examples, as the service adds them. */
    static List<LabeledText> names() {
        return CatalogueExamples.of(load());
    }

    /** The knowledge base's seeded articles of this catalogue's categories, as the service adds them. */
    static List<ArticleExamples.Article> articles() {
        return KnowledgeArticleExamples.seeded();
    }

    /** The written training set (/routing/written-examples.jsonl), which the service trains on besides the stored examples. */
    static List<LabeledText> written() {
        return WrittenExamples.seeded();
    }

    /**
     * What the service trains on besides the stored and the written examples: the category names, then the articles.
     * Added to every training fold and never tested.
     */
    static List<LabeledText> priors() {
        return CatalogueExamples.trainingSet(List.of(), load(), articles());
    }
}
