package cn.huiyin.evaluation.domain;

import java.util.Objects;
import java.util.Optional;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.shared.domain.Caller;

/**
 * Rating appeals (申诉复核). The handling unit contests a round's bad rating, once, with a reason; the district centre
 * or a district leader upholds or rejects the contest, once. An upheld contest takes the rating out of the figures;
 * the rating, and the rework it opened, stay. Whether a round was contested or decided already is its row's to say.
 */
public final class RatingContests {

    /** A contest or decision refused (409), with its stable slug and the reason. */
    public record Refusal(String slug, String detail) {
    }

    public static final String CONTESTED = "CONTESTED";
    public static final String UPHELD = "UPHELD";
    public static final String REJECTED = "REJECTED";

    private RatingContests() {
    }

    /** Only the unit that handles the appeal contests its ratings; to anyone else the appeal does not exist. */
    public static boolean isTheirs(Caller caller, String handlingUnit) {
        return caller.unitCode() != null && Objects.equals(caller.unitCode(), handlingUnit);
    }

    /** Only a bad rating is contested: 不满意, 非常不满意 or not resolved, the default included. */
    public static Optional<Refusal> contestable(Rating rated) {
        return rated != null && !rated.good() ? Optional.empty()
                : Optional.of(new Refusal("not-contestable", "Only a bad rating (不满意, 非常不满意 or not resolved) can be contested"));
    }

    /** A second contest of the same round. */
    public static Refusal alreadyContested(int round) {
        return new Refusal("already-contested", "Round " + round + "'s rating has been contested already");
    }

    /** A decision where no contest waits: never contested, or decided already. */
    public static Refusal noOpenContest(int round) {
        return new Refusal("no-open-contest", "Round " + round + " has no contest waiting for a decision");
    }

    /** The decision as the timeline and the metrics hear it: upheld takes the rating out of the figures. */
    public static AppealEvent.RatingReviewDecided decided(int round, boolean upheld) {
        return new AppealEvent.RatingReviewDecided(round, upheld, upheld);
    }

    public static String stateAfter(boolean upheld) {
        return upheld ? UPHELD : REJECTED;
    }
}
