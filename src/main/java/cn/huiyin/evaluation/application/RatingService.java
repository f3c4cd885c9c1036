package cn.huiyin.evaluation.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.evaluation.application.RatingRecorder.Recorded;
import cn.huiyin.evaluation.domain.Raters;
import cn.huiyin.evaluation.domain.Rating;
import cn.huiyin.evaluation.domain.RatingCommand;
import cn.huiyin.evaluation.domain.RatingLinks;
import cn.huiyin.evaluation.domain.WechatRatingReplies;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.security.GuessThrottle;
import cn.huiyin.shared.security.GuessThrottle.Secret;
import cn.huiyin.shared.security.TooManyAttempts;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Only the appellant rates, and only its own appeal: through the signed link sent to it, as the WeChat follower
 * the appeal came from, or as the signed-in enterprise whose code the appeal carries. Staff never rate.
 */
@ApplicationScoped
public class RatingService {

    @Inject
    Pool pool;

    @Inject
    EvaluationRepository appeals;

    @Inject
    RatingRecorder recorder;

    @Inject
    RatingLinks links;

    @Inject
    Clock clock;

    @Inject
    GuessThrottle guesses;

    /** The signed-in enterprise rates its own appeal's current round. */
    public Uni<Recorded> byEnterprise(String rawTrackingNo, Caller caller, Rating rating) {
        Raters.Standing standing = Raters.standing(caller);
        if (standing == Raters.Standing.SIGNED_OUT) {
            throw new UnauthorizedException();
        }
        if (standing == Raters.Standing.STAFF) {
            throw new ProblemException(Problem.of(403, "staff-may-not-rate", "Staff may not rate",
                    "Only the enterprise that submitted the appeal may rate its answer; a " + caller.role()
                            + " account may not"));
        }
        String trackingNo = canonical(rawTrackingNo);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, trackingNo).chain(found -> {
            var appeal = found.filter(a -> Raters.owns(caller, a.uscc()))
                    .orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            return recorder.record(tx, appeal, null, rating, "API", caller.actor(), now);
        }));
    }

    /** The link's appeal and round, once the link is checked; forged links are 403, expired ones 410. */
    public RatingLinks.Valid checkLink(String token) {
        return outcome(links.check(token, clock.instant()));
    }

    /**
     * {@link #checkLink(String)}, with forged links counted as wrong guesses against the appeal the token names and
     * against {@code client}; too many, and every link for them is refused ({@link TooManyAttempts}) for a while.
     * An expired link was genuine: it is no guess.
     */
    public Uni<RatingLinks.Valid> checkLink(String token, String client) {
        String named = RatingLinks.claimedTrackingNo(token);
        return guesses.admit(Secret.RATING_LINK, named, client).chain(() -> {
            RatingLinks.Check check = links.check(token, clock.instant());
            Uni<Void> counted = check instanceof RatingLinks.Forged ? Uni.createFrom().voidItem()
                    : guesses.passed(Secret.RATING_LINK, named, client);
            return counted.map(ignored -> outcome(check));
        });
    }

    private static RatingLinks.Valid outcome(RatingLinks.Check check) {
        if (check instanceof RatingLinks.Valid valid) {
            return valid;
        }
        if (check instanceof RatingLinks.Expired) {
            throw new ProblemException(Problem.of(410, "rating-link-expired", "Link expired",
                    "This rating link has expired"));
        }
        throw new ProblemException(Problem.of(403, "rating-link-invalid", "Invalid link",
                "This rating link is not valid"));
    }

    public Uni<Recorded> byLink(String token, Rating rating) {
        RatingLinks.Valid link = checkLink(token);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> appeals.lock(tx, link.trackingNo()).chain(found -> {
            var appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + link.trackingNo()));
            return recorder.record(tx, appeal, link.round(), rating, "LINK", "appellant:link", now);
        }));
    }

    /**
     * The WeChat follower rates the appeal it sent: the one named, or its most recently answered one. Another
     * follower's appeal is "not found".
     */
    public Uni<Recorded> byWechat(String replyTo, String trackingNo, Rating rating) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> (trackingNo == null ? appeals.lockAwaitingRating(tx, replyTo)
                : appeals.lock(tx, trackingNo).map(found -> found.filter(a -> replyTo.equals(a.replyTo()))))
                .chain(found -> {
                    var appeal = found.orElseThrow(() -> ProblemException.notFound("An answered appeal of this sender"));
                    return recorder.record(tx, appeal, null, rating, "WECHAT", "wechat:" + replyTo, now);
                }));
    }

    /** A WeChat text meant as a rating ("评价 5"): recorded, and the words to answer the follower with. */
    public Uni<String> byWechatText(String replyTo, String text) {
        var command = RatingCommand.parse(text);
        if (command.isEmpty()) {
            return Uni.createFrom().item(WechatRatingReplies.unreadable());
        }
        Rating rating = command.get().rating();
        return byWechat(replyTo, command.get().trackingNo(), rating)
                .map(recorded -> WechatRatingReplies.thanks(rating))
                .onFailure(ProblemException.class).recoverWithItem(failure -> WechatRatingReplies.refused(
                        ((ProblemException) failure).problem().type()));
    }

    static String canonical(String rawTrackingNo) {
        return TrackingNumber.parse(rawTrackingNo).map(TrackingNumber::value)
                .orElseThrow(() -> ProblemException.badRequest("trackingNo",
                        "A tracking number has 13 digits and a valid check digit"));
    }
}
