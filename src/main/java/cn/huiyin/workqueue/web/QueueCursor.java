package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import cn.huiyin.shared.web.ProblemException;

/**
 * Where the next page of the API's work queue starts. The queue runs nearest handling deadline first, then the
 * appeals without a running handling clock; a client passes on the last item's {@code handleDueAt}, or {@code none}
 * once those without a deadline have begun.
 */
final class QueueCursor {

    /** The first page: before every deadline. */
    static final Instant START = Instant.EPOCH;

    /** After every deadline: the appeals without a running handling clock. */
    static final String PAST_DEADLINES = "none";

    private QueueCursor() {
    }

    static Instant afterDue(String typed) {
        if (typed == null) {
            return START;
        }
        if (PAST_DEADLINES.equals(typed)) {
            return Instant.MAX;
        }
        try {
            return Instant.parse(typed);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("afterDue", "afterDue is an ISO-8601 instant (or none) from the previous page");
        }
    }
}
