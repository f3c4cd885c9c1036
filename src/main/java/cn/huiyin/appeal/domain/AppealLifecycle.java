package cn.huiyin.appeal.domain;

import static cn.huiyin.appeal.domain.AppealAction.*;
import static cn.huiyin.appeal.domain.AppealStatus.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The appeal lifecycle as a table: which action moves an appeal from which status to which.
 * Anything not in the table is refused.
 */
public final class AppealLifecycle {

    private static final Map<AppealStatus, Map<AppealAction, AppealStatus>> MOVES = new EnumMap<>(AppealStatus.class);

    static {
        allow(RECEIVED, DISPATCH, DISPATCHED);
        allow(RECEIVED, MERGE, MERGED);

        allow(DISPATCHED, ACCEPT, ACCEPTED);
        allow(DISPATCHED, RETURN, RETURNED);
        allow(DISPATCHED, TRANSFER, DISPATCHED);
        allow(DISPATCHED, MERGE, MERGED);

        allow(ACCEPTED, FIRST_CONTACT, HANDLING);
        allow(ACCEPTED, REPLY, REPLIED);
        allow(ACCEPTED, RETURN, RETURNED);
        allow(ACCEPTED, TRANSFER, DISPATCHED);
        allow(ACCEPTED, MERGE, MERGED);

        allow(HANDLING, REPLY, REPLIED);
        allow(HANDLING, TRANSFER, DISPATCHED);
        allow(HANDLING, MERGE, MERGED);

        allow(RETURNED, REDISPATCH, DISPATCHED);
        allow(RETURNED, REFUSE_RETURN, DISPATCHED);
        allow(RETURNED, MERGE, MERGED);

        allow(REPLIED, RATE_GOOD, EVALUATED);
        allow(REPLIED, RATE_BAD, REWORK);

        allow(REWORK, REPLY, REPLIED);

        allow(EVALUATED, CLOSE, CLOSED);
        allow(MERGED, CLOSE, CLOSED);
    }

    private AppealLifecycle() {}

    public static Transition decide(AppealStatus from, AppealAction action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        AppealStatus to = MOVES.getOrDefault(from, Map.of()).get(action);
        return to != null
                ? new Transition.Moved(to)
                : new Transition.Refused(from, action, "cannot " + action + " an appeal that is " + from);
    }

    /** The actions that are allowed now, e.g. to decide which buttons a work queue shows. */
    public static Set<AppealAction> allowedFrom(AppealStatus from) {
        Objects.requireNonNull(from, "from");
        return Collections.unmodifiableSet(MOVES.getOrDefault(from, Map.of()).keySet());
    }

    private static void allow(AppealStatus from, AppealAction action, AppealStatus to) {
        MOVES.computeIfAbsent(from, status -> new EnumMap<>(AppealAction.class)).put(action, to);
    }
}
