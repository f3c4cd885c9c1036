package cn.huiyin.workqueue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;

/**
 * Who hears which live update. Every update names one stream — a unit's, or the dispatcher's desk — and reaches the
 * open pages of that stream only: a dispatcher's page listens to the desk, unit staff's to their unit.
 */
public final class LiveAudience {

    /** The stream of the dispatcher's desk (unplaced and returned appeals, extension requests). */
    public static final String DISPATCH_DESK = "DISPATCH";

    private LiveAudience() {
    }

    /** The stream the caller's pages listen to; none for a caller who is neither a dispatcher nor staff of a unit. */
    public static Optional<String> streamOf(Caller caller) {
        return caller.hasRole(Roles.DISPATCHER) ? Optional.of(DISPATCH_DESK) : Optional.ofNullable(caller.unitCode());
    }

    /** Whether an update about {@code updateUnit} belongs on {@code stream}. */
    public static boolean reaches(String updateUnit, String stream) {
        return stream.equals(updateUnit);
    }

    /** The streams to tell of a step taken at the desk: the units it touched, then the desk itself. */
    public static List<String> withDesk(List<String> units) {
        List<String> all = new ArrayList<>(units);
        all.add(DISPATCH_DESK);
        return all;
    }

    /** The one pub/sub channel every replica publishes to and listens on. */
    public static String channel(String keyPrefix) {
        return keyPrefix + "workqueue:updates";
    }
}
