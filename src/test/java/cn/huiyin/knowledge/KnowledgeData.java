package cn.huiyin.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.knowledge.domain.IndexedArticle;

/**
 * The files the retrieval is measured on: the seed articles (an article's id is its position in the file), the
 * held-out questions, and the questions no article answers that thresholds are tuned on.
 */
final class KnowledgeData {

    static final String ARTICLES = "/knowledge/articles.json";
    static final String HELD_OUT = "/knowledge/questions-heldout.jsonl";
    static final String TUNING_NEGATIVES = "/knowledge/tuning-negatives.jsonl";
    static final String TUNING_QUESTIONS = "/knowledge/tuning-questions.jsonl";
    static final String APPEALS = "/reference/appeals-labeled.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A question and the article that answers it ({@code expected} null: none does). */
    record Question(String id, String text, Long expected, String kind) {
    }

    record Articles(List<IndexedArticle> list, Map<String, Long> idByKey) {

        Long id(String key) {
            if (key == null) {
                return null;
            }
            return Objects.requireNonNull(idByKey.get(key), () -> "no article " + key);
        }
    }

    private KnowledgeData() {
    }

    static boolean present(String resource) {
        return KnowledgeData.class.getResource(resource) != null;
    }

    static Articles articles() {
        JsonNode array = read(ARTICLES);
        List<IndexedArticle> list = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode a = array.get(i);
            List<String> forms = new ArrayList<>();
            a.get("questions").forEach(q -> forms.add(q.asText()));
            list.add(new IndexedArticle(i, a.get("title").asText(), forms, a.path("answer").asText(""),
                    a.path("categoryCode").asText(null)));
            ids.put(a.get("key").asText(), (long) i);
        }
        return new Articles(List.copyOf(list), Map.copyOf(ids));
    }

    static List<Question> heldOut(Articles articles) {
        return questions(HELD_OUT, articles);
    }

    /** Questions written for tuning (colloquial, mistyped, traditional), apart from the held-out set. */
    static List<Question> tuningQuestions(Articles articles) {
        return questions(TUNING_QUESTIONS, articles);
    }

    private static List<Question> questions(String resource, Articles articles) {
        return lines(resource).stream().map(n -> new Question(n.get("id").asText(), n.get("text").asText(),
                articles.id(n.path("expected").isNull() ? null : n.path("expected").asText(null)),
                n.get("kind").asText())).toList();
    }

    /**
     * Texts that must get no answer: the shared corpus' complaints and reports (problems for a unit to handle, not
     * questions an article answers) and the off-topic questions of the tuning file.
     */
    static List<Question> negatives() {
        List<Question> out = new ArrayList<>();
        for (JsonNode n : lines(APPEALS)) {
            String type = n.path("appealType").asText();
            if (type.equals("COMPLAINT") || type.equals("REPORT")) {
                out.add(new Question(n.get("id").asText(), n.get("text").asText(), null, "none-" + type.toLowerCase()));
            }
        }
        for (JsonNode n : lines(TUNING_NEGATIVES)) {
            out.add(new Question(n.get("id").asText(), n.get("text").asText(), null, n.get("kind").asText()));
        }
        return List.copyOf(out);
    }

    private static List<JsonNode> lines(String resource) {
        try (InputStream in = open(resource)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<JsonNode> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        return Objects.requireNonNull(KnowledgeData.class.getResourceAsStream(resource), resource);
    }
}
