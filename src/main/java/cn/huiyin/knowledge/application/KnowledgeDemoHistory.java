package cn.huiyin.knowledge.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.knowledge.persistence.DeflectionRepository;
import cn.huiyin.knowledge.persistence.DeflectionRepository.DemoArticle;
import cn.huiyin.knowledge.persistence.DeflectionRepository.DemoShown;
import cn.huiyin.shared.demo.DemoConfig;
import cn.huiyin.shared.domain.TrackingNumber;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;

/**
 * The demo run only (demo mode in the {@code demo} profile, not in tests): a believable history of answers shown
 * over the last 60 days on the web form, WeChat and the phone desk — some rated, some followed by an appeal, two
 * articles followed more often than the rest — so that the deflection figures and the review flags are alive on a
 * first run. Drawn from a fixed seed with fixed record ids, so a restart adds nothing.
 */
@ApplicationScoped
public class KnowledgeDemoHistory {

    private static final Logger LOG = Logger.getLogger(KnowledgeDemoHistory.class);
    private static final long SEED = 20260117L;
    private static final int DAYS = 60;

    @Inject
    DemoConfig demo;

    @Inject
    DeflectionRepository repository;

    @Inject
    ReviewFlags reviewFlags;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.sla.zone", defaultValue = "Asia/Shanghai")
    String zone;

    /** How many answers the demo history holds; 0 seeds none. */
    @ConfigProperty(name = "huiyin.knowledge.demo-history.answers", defaultValue = "420")
    int answers;

    // after the seed articles (KnowledgeSeed, priority 5), which are stored on the start-up thread
    void onStart(@Observes @Priority(7) StartupEvent event) {
        boolean demoProfile = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles().contains("demo");
        if (!demo.enabled() || !demoProfile || answers <= 0) {
            return;
        }
        seed().subscribe().with(n -> LOG.infof("DEMO MODE: %d knowledge answers of history seeded", n),
                failure -> LOG.warnf("knowledge demo history not seeded: %s", failure.getMessage()));
    }

    /** Writes what is missing of the history; how many answers were new. */
    public Uni<Integer> seed() {
        return Uni.combine().all().unis(repository.publishedArticles(), repository.someTrackingNumbers(300)).asTuple()
                .chain(read -> {
                    if (read.getItem1().isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<DemoShown> rows = draw(read.getItem1(), read.getItem2(), answers, clock.instant(), ZoneId.of(zone));
                    return repository.insertDemo(rows);
                })
                .call(added -> added > 0 ? reviewFlags.review() : Uni.createFrom().nullItem());
    }

    /**
     * The history: {@code count} answers on days within the last 60 (office hours, Beijing time), WeChat followers and
     * web forms asking more than the phone; most answers sure; about a third rated, mostly 有用; about one in six
     * followed by an appeal within a day, more often after 没用, and more often for the two articles drawn as weak.
     */
    static List<DemoShown> draw(List<DemoArticle> articles, List<String> trackingNumbers, int count, Instant now,
            ZoneId zone) {
        Random random = new Random(SEED);
        List<DemoShown> rows = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int i = 0; i < count; i++) {
            LocalDate day = today.minusDays(1 + random.nextInt(DAYS));
            Instant shownAt = day.atTime(8 + random.nextInt(11), random.nextInt(60), random.nextInt(60)).atZone(zone)
                    .toInstant();
            int which = Math.min(articles.size() - 1, (int) Math.floor(articles.size() * Math.pow(random.nextDouble(), 1.6)));
            DemoArticle article = articles.get(which);
            boolean weak = articles.size() > 4 && (which == 1 || which == 3);
            double c = random.nextDouble();
            String channel = c < 0.45 ? KnowledgeAnswers.WEB : c < 0.8 ? KnowledgeAnswers.WECHAT : KnowledgeAnswers.PHONE;
            // WeChat shows only sure answers; the web form and the phone desk also show suggestions
            boolean sure = channel.equals(KnowledgeAnswers.WECHAT) || random.nextDouble() < 0.7;
            Boolean helpful = random.nextDouble() < 0.35 ? random.nextDouble() < (weak ? 0.35 : 0.8) : null;
            double followP = (helpful == null ? 0.14 : helpful ? 0.04 : 0.5) + (weak ? 0.3 : 0);
            boolean followed = random.nextDouble() < followP;
            Instant followedAt = !followed ? null
                    : min(shownAt.plus(Duration.ofMinutes(5 + random.nextInt(20 * 60))), now.minusSeconds(60));
            String followedBy = !followed ? null : trackingNumbers.isEmpty()
                    ? TrackingNumber.issue(followedAt, 900_000 + i).value()
                    : trackingNumbers.get(random.nextInt(trackingNumbers.size()));
            rows.add(new DemoShown(UUID.nameUUIDFromBytes(("huiyin-demo-knowledge-shown-" + i).getBytes(StandardCharsets.UTF_8)),
                    article.articleId(), article.version(), channel, asker(channel, i, random), article.question(), sure,
                    shownAt, helpful, helpful == null ? null : shownAt.plusSeconds(30 + random.nextInt(300)), followedBy,
                    followedAt));
        }
        return rows;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Who asked, as each channel names its askers; some WeChat followers ask more than once. */
    private static String asker(String channel, int i, Random random) {
        return switch (channel) {
            case KnowledgeAnswers.WECHAT -> "default/oDemoKnowledge" + String.format("%03d", random.nextInt(120));
            case KnowledgeAnswers.PHONE -> "demo-call-knowledge-" + i;
            default -> "demo-form-knowledge-" + i;
        };
    }
}
