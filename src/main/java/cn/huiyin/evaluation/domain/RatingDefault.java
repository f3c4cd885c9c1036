package cn.huiyin.evaluation.domain;

/**
 * The rating recorded for a round whose rating window ran out unrated (Guangdong practice: 基本满意, resolved). It is
 * marked defaulted, so it is never shown as the enterprise's own; a default that is bad sends the appeal to rework
 * like any bad rating.
 */
public record RatingDefault(Satisfaction level, boolean resolved) {

    public RatingDefault {
        if (level == null) {
            throw new IllegalArgumentException("a default rating has a satisfaction level");
        }
    }

    /** The configured default; a level outside 1 to 5 is refused (the service does not start with one). */
    public static RatingDefault of(int level, boolean resolved) {
        return new RatingDefault(Satisfaction.of(level)
                .orElseThrow(() -> new IllegalArgumentException("the default level is 1 to 5, not " + level)), resolved);
    }

    /** The rating recorded in the enterprise's stead. */
    public Rating rating() {
        return new Rating(level, resolved, null, true);
    }
}
