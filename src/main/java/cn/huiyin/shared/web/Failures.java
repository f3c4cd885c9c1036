package cn.huiyin.shared.web;

import java.util.UUID;

import org.jboss.logging.Logger;

/**
 * One failure, one log line: a correlation id the caller also gets, the request, and the chain of causes in one
 * line. The stack trace is kept for DEBUG, so a flood of bad requests cannot flood the log.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    /** Logs the failure once and answers the 5xx problem document that names the same id. */
    public static Problem logged(Problem problem, String method, String path, Throwable failure) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        LOG.errorf("[%s] %s %s failed with %d: %s", id, method, path, problem.status(), causes(failure));
        if (failure != null && LOG.isDebugEnabled()) {
            LOG.debugf(failure, "[%s] stack trace", id);
        }
        return problem.withCorrelationId(id);
    }

    static String causes(Throwable failure) {
        if (failure == null) {
            return "no exception";
        }
        StringBuilder line = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
            if (depth > 0) {
                line.append(" <- ");
            }
            String message = current.getMessage();
            line.append(current.getClass().getSimpleName());
            if (message != null) {
                // one line, bounded: messages can quote input
                line.append(": ").append(message.replaceAll("[\\p{Cntrl}]", " "), 0, Math.min(message.length(), 300));
            }
        }
        return line.toString();
    }
}
