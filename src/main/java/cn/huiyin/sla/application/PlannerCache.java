package cn.huiyin.sla.application;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import cn.huiyin.shared.CachedUni;
import cn.huiyin.shared.cache.ChangeWatch;
import cn.huiyin.sla.domain.SlaPlanner;
import io.smallrye.mutiny.Uni;

/**
 * One replica's deadline planner (clock rules and work calendar), and how it learns of a change made on any replica.
 * At most once every {@code checkEvery}, a use first reads the stored version (a fingerprint of the rules and the
 * calendar, one small statement) and rebuilds the planner when it differs from the one the planner was built at.
 * Nothing has to be delivered for a change to arrive, so it is seen after a Redis restart, a lost message or a replica
 * that was down; a replica that stands idle asks nothing until its next use. A change announced by another replica
 * ({@link #recheckNow()}) makes the next use check at once.
 */
public final class PlannerCache {

    private static final Logger LOG = Logger.getLogger(PlannerCache.class);

    /** A planner and the stored version it was built from (read before the rules and calendar, never after). */
    private record Built(String version, SlaPlanner planner) {
    }

    private final Uni<String> version;
    private final CachedUni<Built> built;
    private final ChangeWatch watch;

    /**
     * @param version reads the stored version
     * @param load builds a planner from what is stored now
     * @param ticker nanoseconds, as {@link System#nanoTime()} counts them
     */
    public PlannerCache(Uni<String> version, Uni<SlaPlanner> load, Duration checkEvery, LongSupplier ticker) {
        this.version = version;
        this.built = new CachedUni<>(version.chain(v -> load.map(planner -> new Built(v, planner))), null);
        this.watch = new ChangeWatch(checkEvery, ticker);
    }

    /** The planner; once the check period has passed, first made sure it is built from the stored version. */
    public Uni<SlaPlanner> get() {
        if (!watch.due()) { // one caller per period checks; the others carry on with the planner they have
            return built.get().map(Built::planner);
        }
        return version.onFailure().recoverWithItem(failure -> {
            LOG.debugf("cannot read the clock rules' version, keeping the planner: %s", failure.getMessage());
            return null;
        }).chain(latest -> built.get().chain(b -> latest == null || b.version().equals(latest)
                ? Uni.createFrom().item(b) : rebuilt())).map(Built::planner);
    }

    /**
     * The planner, sure to hold these rule versions: a clock another replica started under a version this one has not
     * read yet makes it read the rules now rather than at its next check.
     */
    public Uni<SlaPlanner> knowing(Collection<Long> ruleIds) {
        return get().chain(planner -> ruleIds.stream().allMatch(id -> planner.rules().byId(id).isPresent())
                ? Uni.createFrom().item(planner)
                : rebuilt().map(Built::planner));
    }

    /** The rules or the calendar changed somewhere: the next use checks the stored version, whatever the period. */
    public void recheckNow() {
        watch.recheckNow();
    }

    /** Forget the planner; the next use builds it again. */
    public void invalidate() {
        built.invalidate();
    }

    private Uni<Built> rebuilt() {
        built.invalidate();
        return built.get();
    }
}
