package cn.huiyin.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.EscalationStep;

/**
 * Folds an appeal's whole event history into its {@link AppealFact}. A pure function of the events, the appeal
 * row and the calendar, so folding the same history twice gives the same fact: that is what makes the projection
 * safe to replay. Events are matched by their record type ({@link AppealEvent}) and read by component; a row the
 * projector could not read as an event (a type this version has no record for, a payload that is not its type's)
 * moves no figure, though its seq counts as folded, and the projector logs how many there were.
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
                h.rating != null && h.rating.defaulted, h.rating != null && h.rating.excluded, h.supervisionOrders,
                h.supervisionAnsweredOnTime, h.supervisionClimbed);
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
        int supervisionOrders;
        int supervisionAnsweredOnTime;
        int supervisionClimbed;

        void apply(StoredEvent stored) {
            lastSeq = Math.max(lastSeq, stored.seq());
            Instant at = stored.occurredAt();
            AppealEvent e = stored.event();
            if (e instanceof AppealEvent.Dispatched dispatched) {
                dispatchedAt = dispatchedAt == null ? at : dispatchedAt;
                takeCustody(dispatched.unit(), at);
            } else if (e instanceof AppealEvent.Transferred transferred) {
                transfers++;
                takeCustody(transferred.toUnit(), at);
            } else if (e instanceof AppealEvent.Redispatched redispatched) {
                takeCustody(redispatched.toUnit(), at);
            } else if (e instanceof AppealEvent.Returned) {
                returns++;
            } else if (e instanceof AppealEvent.Accepted) {
                acceptedAt = acceptedAt == null ? at : acceptedAt;
            } else if (e instanceof AppealEvent.FirstContact) {
                firstContactAt = firstContactAt == null ? at : firstContactAt;
            } else if (e instanceof AppealEvent.Replied) {
                repliedAt = repliedAt == null ? at : repliedAt;
                custodyReplyAt = custodyReplyAt == null ? at : custodyReplyAt;
                finished = true;
            } else if (e instanceof AppealEvent.ReworkOpened) {
                reworks++;
                finished = false;
            } else if (e instanceof AppealEvent.Closed || e instanceof AppealEvent.Merged) {
                finished = true;
            } else if (e instanceof AppealEvent.Escalated escalated) {
                ranOut(escalated);
            } else if (e instanceof AppealEvent.Rated rated) {
                rating = new Rating(rated.round(), rated.level(), rated.resolved(), rated.defaulted());
            } else if (e instanceof AppealEvent.ReturnVisited visited) {
                overturn(visited);
            } else if (e instanceof AppealEvent.SupervisionOrderIssued) {
                supervisionOrders++;
            } else if (e instanceof AppealEvent.SupervisionOrderAnswered answered) {
                supervisionAnsweredOnTime += answered.onTime() ? 1 : 0;
            } else if (e instanceof AppealEvent.SupervisionOrderClimbed) {
                supervisionClimbed++;
            } else if (e instanceof AppealEvent.RatingReviewDecided decided) {
                if (rating != null && decided.excludedFromMetrics() && rating.round == decided.round()) {
                    rating.excluded = true;
                }
            }
            // other events, and rows this version cannot read (null), move no figure
        }

        private void takeCustody(String toUnit, Instant at) {
            unit = toUnit == null ? unit : toUnit;
            custodyFrom = at;
            custodyReplyAt = null;
        }

        /** Only the OVERDUE step says a clock ran out; the warning and supervision steps move no figure. */
        private void ranOut(AppealEvent.Escalated escalated) {
            if (!EscalationStep.OVERDUE.name().equals(escalated.step())) {
                return;
            }
            respondOverdue |= ClockKind.RESPOND.name().equals(escalated.clock());
            handleOverdue |= ClockKind.HANDLE.name().equals(escalated.clock());
        }

        /** A return visit that overturns the rating replaces what the enterprise said about resolution (and level). */
        private void overturn(AppealEvent.ReturnVisited visited) {
            if (rating == null || !visited.overturned()) {
                return;
            }
            rating.resolved = Boolean.TRUE.equals(visited.resolved());
            rating.level = visited.level() == null ? rating.level : visited.level();
        }
    }

    private static final class Rating {
        final int round;
        Integer level;
        boolean resolved;
        final boolean defaulted;
        boolean excluded;

        Rating(int round, Integer level, boolean resolved, boolean defaulted) {
            this.round = round;
            this.level = level;
            this.resolved = resolved;
            this.defaulted = defaulted;
        }
    }
}
