package cn.huiyin.knowledge.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.knowledge.domain.Article;
import cn.huiyin.knowledge.domain.ArticleContent;
import cn.huiyin.knowledge.persistence.KnowledgeSeedRepository;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.shared.domain.FieldViolation;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the knowledge base from {@code knowledge/articles.json} at every start, in every profile: each article whose
 * key is not stored yet becomes an article published as version 1 by {@code system}. An article stored already is
 * left alone (after the first start the units edit it), so a restart or a second replica changes nothing. An entry
 * that breaks the articles' field rules is skipped with a warning naming its key, never half stored.
 */
@ApplicationScoped
public class KnowledgeSeed {

    public static final String ARTICLES = "knowledge/articles.json";

    private static final Logger LOG = Logger.getLogger(KnowledgeSeed.class);

    /** One entry of the seed file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeedArticle(String key, String title, List<String> questions, String answer, String sourceName,
            String sourceLink, String unitCode, String categoryCode, LocalDate validFrom, LocalDate validTo) {

        ArticleContent content() {
            return new ArticleContent(title, questions, answer, sourceName, sourceLink, categoryCode, validFrom, validTo)
                    .normalized();
        }
    }

    @Inject
    KnowledgeSeedRepository repository;

    @Inject
    Catalogues catalogues;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    // after the schema and the catalogue (DatabaseBootstrap, priority 1) and the demo directory (priority 2)
    void onStart(@Observes @Priority(5) StartupEvent event) throws SQLException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ARTICLES)) {
            if (in == null) {
                LOG.warnf("no %s on the classpath: the knowledge base is not seeded", ARTICLES);
                return;
            }
            int added = seed(read(in));
            LOG.infof("knowledge base: %d seed article(s) added", added);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SeedArticle> read(InputStream in) throws IOException {
        return json.readValue(in, new TypeReference<List<SeedArticle>>() {
        });
    }

    /**
     * Stores the articles whose keys are new (runs on the start-up thread, or a test's; never on an event loop).
     * Returns how many were new.
     */
    public int seed(List<SeedArticle> entries) throws SQLException {
        // After the first start every key is stored: nothing to check against the catalogue, nothing to wait for
        Set<String> stored = repository.storedKeys();
        List<SeedArticle> fresh = entries.stream().filter(e -> e.key() == null || !stored.contains(e.key().strip())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Catalogue catalogue = catalogues.current().await().atMost(Duration.ofSeconds(30));
        Instant now = clock.instant();
        List<Article> articles = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SeedArticle entry : fresh) {
            List<FieldViolation> violations = problems(entry, catalogue, keys);
            if (!violations.isEmpty()) {
                LOG.warnf("seed article %s skipped: %s", entry.key(),
                        violations.stream().map(FieldViolation::message).toList());
                continue;
            }
            articles.add(Article.seeded(entry.key().strip(), entry.unitCode().strip(), entry.content(), now));
        }
        int added = repository.insertMissing(articles, now);
        if (added > 0) {
            knowledgeBase.changed();
        }
        return added;
    }

    /** What is wrong with a seed entry: the articles' own rules, and a key and a known unit of its own. */
    static List<FieldViolation> problems(SeedArticle entry, Catalogue catalogue, Set<String> keysSoFar) {
        String unit = entry.unitCode() == null ? "" : entry.unitCode().strip();
        List<FieldViolation> violations = new ArrayList<>(entry.content().check(KnowledgeArticles.unitRules(catalogue), unit));
        String key = entry.key() == null ? "" : entry.key().strip();
        if (key.isEmpty() || key.length() > 40 || !keysSoFar.add(key)) {
            violations.add(new FieldViolation("key", "key.invalid", "a key of 1 to 40 characters, once in the file",
                    "键须为1至40个字符且在文件中唯一"));
        }
        if (!catalogue.unitNames().containsKey(unit)) {
            violations.add(new FieldViolation("unitCode", "unitCode.unknown", "unitCode must be a handling unit's code",
                    "所属单位须为承办单位编码"));
        }
        return violations;
    }
}
