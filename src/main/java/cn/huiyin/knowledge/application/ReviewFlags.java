package cn.huiyin.knowledge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.huiyin.knowledge.persistence.DeflectionRepository;
import cn.huiyin.knowledge.persistence.DeflectionRepository.ReviewCount;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Articles whose answers were followed by appeals anyway are flagged for review (待复核): over the last
 * {@code window} (30 days), the sessions in which the article's published version was the sure answer were at least
 * {@code min-answers} (5), and at least {@code followed-share} (30 %) of them were followed by an appeal within 24
 * hours. The flag is lifted when the article no longer qualifies, and a newly published version starts afresh (only
 * the published version's answers count). Runs on every replica's schedule; one replica at a time (a
 * transaction-scoped advisory lock), the others skip that round.
 */
@ApplicationScoped
public class ReviewFlags {

    private static final Logger LOG = Logger.getLogger(ReviewFlags.class);

    /** The outcome of one review round; {@code ran} false when another replica held the lock. */
    public record Round(boolean ran, int flagged, int cleared) {
    }

    @Inject
    DeflectionRepository repository;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @ConfigProperty(name = "huiyin.sla.zone", defaultValue = "Asia/Shanghai")
    String zone;

    /** The answers looked at: those shown within this time. */
    @ConfigProperty(name = "huiyin.knowledge.review-flags.window", defaultValue = "P30D")
    Duration window;

    /** Fewer sure answers than this say too little to flag an article. */
    @ConfigProperty(name = "huiyin.knowledge.review-flags.min-answers", defaultValue = "5")
    int minAnswers;

    /** From this share of answers followed by an appeal, the article is flagged. */
    @ConfigProperty(name = "huiyin.knowledge.review-flags.followed-share", defaultValue = "0.3")
    double followedShare;

    @Scheduled(every = "${huiyin.knowledge.review-flags.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return review().invoke(round -> {
            if (round.flagged() + round.cleared() > 0) {
                LOG.infof("knowledge review flags: %d articles flagged, %d cleared", round.flagged(), round.cleared());
            }
        }).onFailure().invoke(failure -> LOG.warnf("knowledge review flags not refreshed, will retry: %s",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Flags and clears as the answers of the window say now. */
    public Uni<Round> review() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return pool.withTransaction(tx -> repository.tryReviewLock(tx).chain(locked -> !locked
                ? Uni.createFrom().item(new Round(false, 0, 0))
                : repository.reviewCounts(tx, now.minus(window), zone).chain(counts -> {
                    List<Long> flag = new ArrayList<>();
                    List<String> reasons = new ArrayList<>();
                    List<Long> clear = new ArrayList<>();
                    for (ReviewCount c : counts) {
                        Optional<String> reason = reason(c.answered(), c.followed());
                        if (reason.isPresent()) {
                            flag.add(c.articleId());
                            reasons.add(reason.get());
                        } else if (c.flagged()) {
                            clear.add(c.articleId());
                        }
                    }
                    return repository.flag(tx, flag, reasons, now).chain(() -> repository.clear(tx, clear))
                            .replaceWith(new Round(true, flag.size(), clear.size()));
                })));
    }

    /** Why the article is to be reviewed, when it is. */
    Optional<String> reason(long answered, long followed) {
        // a hair of tolerance, so that 3 of 10 is 30 % however 0.3 is stored
        if (answered < minAnswers || (double) followed / answered + 1e-9 < followedShare) {
            return Optional.empty();
        }
        return Optional.of(String.format("近%d天该文章现行版本作为确定答案解答 %d 次（按提问人、渠道、日计），其中 %d 次"
                + "（%.0f%%）在24小时内仍提交了诉求，达到复核条件（至少 %d 次且不低于 %.0f%%）。请核对答案是否准确、完整、仍然有效。",
                window.toDays(), answered, followed, 100.0 * followed / answered, minAnswers, followedShare * 100));
    }
}
