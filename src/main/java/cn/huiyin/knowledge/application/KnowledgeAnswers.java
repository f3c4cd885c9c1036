package cn.huiyin.knowledge.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.knowledge.persistence.ShownAnswerRepository;
import cn.huiyin.knowledge.persistence.ShownAnswerRepository.Showing;
import io.smallrye.mutiny.Uni;

/**
 * Answers from the knowledge base as the channels show them, before an appeal is filed: every article shown is
 * recorded (once per asker within {@link KnowledgeAnswersConfig#repeatWithin()}), with whether it helped and
 * whether the same asker filed an appeal anyway — the facts the deflection rate is computed from.
 */
@ApplicationScoped
public class KnowledgeAnswers {

    /** The channels that show answers ({@code knowledge_answer_shown.channel}). */
    public static final String WEB = "WEB";
    public static final String WECHAT = "WECHAT";
    public static final String PHONE = "PHONE";
    public static final String WORKQUEUE = "WORKQUEUE";

    /** What was typed is kept to this many characters: enough to read why an article came up. */
    static final int QUERY_LIMIT = 500;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    ShownAnswerRepository shown;

    @Inject
    KnowledgeAnswersConfig config;

    @Inject
    Clock clock;

    /**
     * The best published articles for {@code text} (at most {@code limit}, none when nothing answers it), each
     * recorded as shown to {@code askerRef} on {@code channel}.
     */
    public Uni<List<ShownAnswer>> show(String text, String channel, String askerRef, int limit) {
        return knowledge.search(text, limit).chain(matches -> {
            if (matches.isEmpty()) {
                return Uni.createFrom().item(List.<ShownAnswer>of());
            }
            Instant now = clock.instant();
            List<Showing> showings = matches.stream()
                    .map(m -> new Showing(UUID.randomUUID(), m.articleId(), m.version(), m.sure())).toList();
            return shown.record(channel, askerRef, query(text), showings, now, now.minus(config.repeatWithin()))
                    .map(ids -> matches.stream().map(m -> new ShownAnswer(ids.get(m.articleId()), m)).toList());
        });
    }

    /** 这条回答有帮助吗: the asker's answer, the latest one standing; false when no answer was shown under that id. */
    public Uni<Boolean> feedback(UUID shownId, boolean helpful) {
        return shown.feedback(shownId, helpful, clock.instant());
    }

    /**
     * The asker filed appeal {@code trackingNo} after all: the answers shown to them within
     * {@link KnowledgeAnswersConfig#followedWithin()} are marked as followed by it (those already followed by an
     * earlier appeal keep that one).
     */
    public Uni<Void> appealFollowed(String channel, String askerRef, String trackingNo) {
        Instant now = clock.instant();
        return shown.followed(channel, askerRef, trackingNo, now.minus(config.followedWithin()), now).replaceWithVoid();
    }

    /** What was typed, stripped and cut to {@link #QUERY_LIMIT} characters (never inside a surrogate pair). */
    static String query(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.codePointCount(0, stripped.length()) <= QUERY_LIMIT) {
            return stripped;
        }
        return stripped.substring(0, stripped.offsetByCodePoints(0, QUERY_LIMIT));
    }
}
