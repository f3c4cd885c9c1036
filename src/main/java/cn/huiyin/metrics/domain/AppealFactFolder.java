package cn.huiyin.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Folds an appeal's whole event history into its {@link AppealFact}. A pure function of the events, the appeal
 * row and the calendar, so folding the same history twice gives the same fact: that is what makes the projection
 * safe to replay. Event types are matched by name, including those other capabilities add later; unknown types
 * are ignored.
 */
public final class AppealFactFolder {

    private static final Set<String> CLOSED_STATES = Set.of("REPLIED", "EVALUATED", "CLOSED", "MERGED");

    private final WorkingMinutes minutes;
    private final ZoneId zone;

    public AppealFactFolder(WorkingMinutes minutes, ZoneId zone) {
        this.minutes = minutes;
        this.zone = zone;
    }

    /** @param events the appeal's events in seq order */
    public AppealFact fold(AppealBasics appeal, List<StoredEvent> events) {
        History h = new History();
        for (StoredEvent e : events) {
            h.apply(e);
        }
        String unit = appeal.unit() != null ? appeal.unit() : h.unit;
        CellKey cell = new CellKey(LocalDate.ofInstant(appeal.receivedAt(), zone), orNone(unit), orNone(appeal.street()),
                orNone(appeal.category()));
        Instant responded = earliest(h.firstContactAt, h.repliedAt);
        boolean open = h.dispatchedAt != null && !CLOSED_STATES.contains(appeal.status()) && !h.finished;
        return new AppealFact(appeal.appealId(), h.lastSeq, appeal.trackingNo(), cell, appeal.channel(),
                appeal.appealType(), appeal.status(), open, appeal.receivedAt(), h.dispatchedAt, h.acceptedAt,
                h.firstContactAt, h.repliedAt, appeal.handleDueAt(), workingMinutes(h.dispatchedAt, responded),
                workingMinutes(h.dispatchedAt, h.repliedAt), workingMinutes(h.custodyFrom, h.custodyReplyAt),
                onTime(responded, appeal.respondDueAt(), h.respondOverdue),
                onTime(h.repliedAt, appeal.handleDueAt(), h.handleOverdue), h.returns, h.transfers, h.reworks,
                h.rating == null ? null : h.rating.level, h.rating == null ? null : h.rating.resolved,
                h.rating != null && h.rating.defaulted, h.rating != null && h.rating.excluded);
    }

    /** On time if it happened by the due time; late if it happened after, or if the clock ran out first. */
    static Boolean onTime(Instant happened, Instant due, boolean overdueSeen) {
        if (happened != null) {
            return due == null || !happened.isAfter(due);
        }
        return overdueSeen ? Boolean.FALSE : null;
    }

    private Long workingMinutes(Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        return Math.max(0, minutes.between(from, to));
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? CellKey.NONE : value;
    }

    /** The running state of the fold. */
    private static final class History {
        int lastSeq;
        String unit;
        Instant dispatchedAt;
        Instant acceptedAt;
        Instant firstContactAt;
        Instant repliedAt;
        Instant custodyFrom;
        Instant custodyReplyAt;
        boolean respondOverdue;
        boolean handleOverdue;
        boolean finished;
        int returns;
        int transfers;
        int reworks;
        Rating rating;

        void apply(StoredEvent e) {
            lastSeq = Math.max(lastSeq, e.seq());
            Instant at = e.occurredAt();
            switch (e.type()) {
                case "DISPATCHED" -> {
                    dispatchedAt = dispatchedAt == null ? at : dispatchedAt;
                    takeCustody(e.text("unit"), at);
                }
                case "TRANSFERRED" -> {
                    transfers++;
                    takeCustody(e.text("toUnit"), at);
                }
                case "REDISPATCHED" -> takeCustody(e.text("toUnit"), at);
                case "RETURNED" -> returns++;
                case "ACCEPTED" -> acceptedAt = acceptedAt == null ? at : acceptedAt;
                case "FIRST_CONTACT" -> firstContactAt = firstContactAt == null ? at : firstContactAt;
                case "REPLIED" -> {
                    repliedAt = repliedAt == null ? at : repliedAt;
                    custodyReplyAt = custodyReplyAt == null ? at : custodyReplyAt;
                    finished = true;
                }
                case "REWORK_OPENED" -> {
                    reworks++;
                    finished = false;
                }
                case "CLOSED", "MERGED" -> finished = true;
                case "SLA_OVERDUE" -> {
                    respondOverdue |= "RESPOND".equals(e.text("clock"));
                    handleOverdue |= "HANDLE".equals(e.text("clock"));
                }
                case "RATED" -> rating = new Rating(e.number("round"), e.number("level"), e.flag("resolved"),
                        e.flag("defaulted"));
                case "RETURN_VISITED" -> overturn(e);
                case "RATING_REVIEW_DECIDED" -> {
                    if (rating != null && e.flag("excludedFromMetrics") && sameRound(rating.round, e.number("round"))) {
                        rating.excluded = true;
                    }
                }
                default -> {
                    // other events do not move any figure
                }
            }
        }

        private void takeCustody(String toUnit, Instant at) {
            unit = toUnit == null ? unit : toUnit;
            custodyFrom = at;
            custodyReplyAt = null;
        }

        /** A return visit that overturns the rating replaces what the enterprise said about resolution (and level). */
        private void overturn(StoredEvent e) {
            if (rating == null || !e.flag("overturned")) {
                return;
            }
            rating.resolved = e.flag("resolved");
            Integer level = e.number("level");
            rating.level = level == null ? rating.level : level;
        }

        private static boolean sameRound(Integer ratingRound, Integer decidedRound) {
            return decidedRound == null || decidedRound.equals(ratingRound);
        }
    }

    private static final class Rating {
        final Integer round;
        Integer level;
        boolean resolved;
        final boolean defaulted;
        boolean excluded;

        Rating(Integer round, Integer level, boolean resolved, boolean defaulted) {
            this.round = round;
            this.level = level;
            this.resolved = resolved;
            this.defaulted = defaulted;
        }
    }
}
