package cn.huiyin.evaluation.domain;

/**
 * What the district centre heard on a return visit (回访). {@code resolved} and {@code level} are known only
 * when the enterprise was reached; the level is optional even then.
 */
public record VisitFinding(boolean reached, Boolean resolved, Satisfaction level, String note) {

    public VisitFinding {
        if (reached && resolved == null) {
            throw new IllegalArgumentException("a visit that reached the enterprise says whether it is resolved");
        }
        if (!reached && (resolved != null || level != null)) {
            throw new IllegalArgumentException("a visit that reached nobody heard nothing");
        }
    }

    /** Whether what was heard is good: resolved, and (if a level was heard) 基本满意 or better. */
    public boolean good() {
        return reached && Boolean.TRUE.equals(resolved) && (level == null || !level.bad());
    }

    /** The visit contradicts the round's rating (null when the round is not rated: nothing to overturn). */
    public boolean overturns(Rating rating) {
        return reached && rating != null && good() != rating.good();
    }

    /** A round that was closed as good but is found unresolved: flagged for the district's attention. */
    public boolean findsClosureUnresolved(Rating rating) {
        return reached && rating != null && rating.good() && Boolean.FALSE.equals(resolved);
    }

    public String outcome() {
        return reached ? "REACHED" : "UNREACHED";
    }

    /** How the public timeline words the visit. */
    public String summary() {
        if (!reached) {
            return "回访未接通";
        }
        return (resolved ? "回访：问题已解决" : "回访：问题未解决") + (level == null ? "" : "，" + level.label());
    }
}
