package cn.huiyin.workqueue.web;

import java.time.Instant;

import cn.huiyin.shared.domain.Timestamps;
import cn.huiyin.shared.web.ProblemException;

/**
 * Where the next page of the API's work queue starts. The queue runs nearest handling deadline first, then the
 * appeals without a running handling clock; a client passes on the last item's {@code handleDueAt}, or {@code none}
 * once those without a deadline have begun. Riskiest first, it passes on the last item's {@code breachRisk}, or
 * {@code none} once those without one have begun.
 */
final class QueueCursor {

    /** The first page: before every deadline. */
    static final Instant START = Instant.EPOCH;

    /** After every deadline: the appeals without a running handling clock. */
    static final String PAST_DEADLINES = "none";

    private QueueCursor() {
    }

    /** Above every risk: the first page of the riskiest-first order. */
    static final double RISK_START = 2;

    /** Below every risk: the appeals whose risk is not computed yet. */
    static final double NO_RISK = -1;

    /** Whether the queue is asked riskiest first; anything but {@code risk} or {@code deadline} is refused. */
    static boolean byRisk(String sort) {
        if (sort == null || "deadline".equals(sort)) {
            return false;
        }
        if ("risk".equals(sort)) {
            return true;
        }
        throw ProblemException.badRequest("sort", "sort is deadline (the default) or risk");
    }

    static double afterRisk(String typed) {
        if (typed == null) {
            return RISK_START;
        }
        if (PAST_DEADLINES.equals(typed)) {
            return NO_RISK;
        }
        try {
            double risk = Double.parseDouble(typed);
            if (risk >= 0 && risk <= 1) {
                return risk;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest("afterRisk", "afterRisk is the breachRisk (0 to 1, or none) of the previous page's last item");
    }

    static Instant afterDue(String typed) {
        if (typed == null) {
            return START;
        }
        if (PAST_DEADLINES.equals(typed)) {
            return Instant.MAX;
        }
        return Timestamps.parse(typed).orElseThrow(() -> ProblemException.badRequest("afterDue",
                "afterDue is an ISO-8601 instant (or none) from the previous page"));
    }
}
