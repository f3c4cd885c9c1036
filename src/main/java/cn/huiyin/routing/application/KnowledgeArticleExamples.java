package cn.huiyin.routing.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.routing.domain.ArticleExamples;

/**
 * The knowledge base's articles as the classifier learns from them: read from the file the knowledge base is seeded
 * from, so the classifier and the evaluation (docs/routing.md) learn from the same 48 articles whatever the database
 * holds. Read once, on first use, by the training that runs on a worker thread.
 */
public final class KnowledgeArticleExamples {

    /** The knowledge base's seed file (the knowledge capability's {@code KnowledgeSeed.ARTICLES}). */
    static final String RESOURCE = "knowledge/articles.json";

    private KnowledgeArticleExamples() {
    }

    public static List<ArticleExamples.Article> seeded() {
        return Holder.ARTICLES;
    }

    private static final class Holder {
        static final List<ArticleExamples.Article> ARTICLES = read();
    }

    private static List<ArticleExamples.Article> read() {
        InputStream in = Objects.requireNonNull(
                KnowledgeArticleExamples.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
        try (in) {
            List<ArticleExamples.Article> articles = new ArrayList<>();
            for (JsonNode a : new ObjectMapper().readTree(in)) {
                List<String> questions = new ArrayList<>();
                a.path("questions").forEach(q -> questions.add(q.asText()));
                articles.add(new ArticleExamples.Article(a.path("title").asText(), questions,
                        a.hasNonNull("categoryCode") ? a.get("categoryCode").asText() : null));
            }
            return List.copyOf(articles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
