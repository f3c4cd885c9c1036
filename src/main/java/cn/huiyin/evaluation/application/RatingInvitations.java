package cn.huiyin.evaluation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.evaluation.domain.RatingLinks;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import io.smallrye.mutiny.Uni;

/**
 * What the appellant is asked to rate: the current round's answer and the signed link to the rating page, the very
 * link the SMS or WeChat request carries (same appeal, round and expiry, so the same signature). Pages that show it
 * without SMS or WeChat (the lookup page) must have recognised the appellant first: whoever holds the link may rate.
 */
@ApplicationScoped
public class RatingInvitations {

    /** The unit's reply being rated, and when it was given. */
    public record Answer(String text, Instant at) {
    }

    /** {@code token} is the {@code /rate/<token>} part; {@code answer} is null if the reply could not be found. */
    public record Invitation(String trackingNo, int round, Answer answer, Instant expiresAt, String token) {
    }

    @Inject
    EvaluationRepository rounds;

    @Inject
    RatingLinks links;

    @Inject
    Clock clock;

    /** The open round of an appeal the caller has already proven to be the appellant's: none once rated or expired. */
    public Uni<Optional<Invitation>> forAppellant(String trackingNo) {
        return rounds.openRound(trackingNo, clock.instant()).chain(open -> open.isEmpty()
                ? Uni.createFrom().item(Optional.<Invitation> empty())
                : answer(trackingNo, open.get().round()).map(answer -> Optional.of(new Invitation(trackingNo,
                        open.get().round(), answer.orElse(null), open.get().linkExpiresAt(),
                        links.token(trackingNo, open.get().round(), open.get().linkExpiresAt())))));
    }

    /** The answer a checked link's round rates, to show above the form. */
    public Uni<Optional<Answer>> answerOf(RatingLinks.Valid link) {
        return answer(link.trackingNo(), link.round());
    }

    private Uni<Optional<Answer>> answer(String trackingNo, int round) {
        return rounds.answer(trackingNo, round).map(found -> found.map(a -> new Answer(a.text(), a.at())));
    }
}
