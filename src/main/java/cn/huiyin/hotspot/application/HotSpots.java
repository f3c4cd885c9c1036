package cn.huiyin.hotspot.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealLifecycle;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.hotspot.HotSpotConfig;
import cn.huiyin.hotspot.domain.GroupingRules;
import cn.huiyin.hotspot.domain.HotSpotFinder;
import cn.huiyin.hotspot.domain.HotSpotRules;
import cn.huiyin.hotspot.domain.Trend;
import cn.huiyin.hotspot.persistence.HotSpotRepository;
import cn.huiyin.hotspot.persistence.HotSpotRepository.MemberAppeal;
import cn.huiyin.hotspot.persistence.HotSpotRepository.StoredHotSpot;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Hot spots (热点问题, 每月一题): the month's appeals grouped by problem, recomputed on every replica's schedule and
 * stored, because grouping a month of 100 000 appeals takes seconds of CPU (docs/hotspots.md) — too long for a page
 * view. One replica refreshes at a time (a transaction-scoped advisory lock); the others skip that round. The
 * grouping runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class HotSpots {

    private static final Logger LOG = Logger.getLogger(HotSpots.class);

    /** Who sees every hot spot; a unit leader sees those touching their unit. */
    private static final Set<String> DISTRICT = Set.of(Roles.DISTRICT_LEADER, Roles.DISPATCHER, Roles.ADMIN);

    @Inject
    HotSpotRepository hotSpots;

    @Inject
    Catalogues catalogue;

    @Inject
    HotSpotConfig config;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Scheduled(every = "${huiyin.hotspot.refresh-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refresh().onFailure().invoke(failure -> LOG.warnf("hot-spot refresh failed, will retry: %s",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Recomputes the hot spots now; how many there are, or -1 when another replica is at it. */
    public Uni<Integer> refresh() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HotSpotRules rules = new HotSpotRules(config.window(), config.minAppeals(), config.minEnterprises(),
                config.trendSpan());
        return catalogue.current().chain(rulesNow -> {
            Set<String> local = new HashSet<>(config.localCategories());
            rulesNow.rules().values().stream().filter(r -> DispatchRule.BY_STREET.equals(r.unitRule()))
                    .forEach(r -> local.add(r.category()));
            HotSpotFinder finder = new HotSpotFinder(GroupingRules.defaults(local), rules);
            return pool.withTransaction(tx -> hotSpots.tryRefreshLock(tx).chain(locked -> !locked
                    ? Uni.createFrom().item(-1)
                    : hotSpots.receivedSince(tx, now.minus(config.window()))
                            .emitOn(Infrastructure.getDefaultWorkerPool())
                            .map(appeals -> finder.find(appeals, now))
                            .chain(found -> hotSpots.replaceAll(tx, found, now).replaceWith(found.size()))));
        });
    }

    /** How a list of hot spots is ordered. */
    public enum Order {
        /** the most appeals first: what leaders watch */
        LARGEST,
        /** the latest to get an appeal first: what a dispatcher merges */
        LATEST
    }

    /**
     * The hot spots the caller may see, in {@code order}, with their appeals; those touching {@code unit} (an appeal
     * handled there), of {@code category} and of {@code street}, where asked (null: any).
     */
    public Uni<List<HotSpotView>> list(Caller caller, String unit, String category, String street, Order order, int limit) {
        Scope scope = Scope.of(caller);
        if (!scope.sees()) {
            return Uni.createFrom().item(List.of());
        }
        String touching = scope.unit() != null ? scope.unit() : unit;
        return hotSpots.list(touching, category, street, order == Order.LATEST, limit)
                .chain(spots -> withAppeals(spots, scope.unit()));
    }

    /** One hot spot, if the caller may see it. */
    public Uni<Optional<HotSpotView>> one(Caller caller, long id) {
        Scope scope = Scope.of(caller);
        if (!scope.sees()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return hotSpots.one(id).chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<HotSpotView> empty())
                : withAppeals(List.of(found.get()), scope.unit()).map(views -> views.stream().findFirst()));
    }

    /**
     * Whose appeals a caller sees in the hot spots: every unit's (the district centre; {@code unit} null), or a unit
     * leader their own unit's only, as the appeal pages would show them.
     */
    private record Scope(boolean sees, String unit) {

        static Scope of(Caller caller) {
            if (DISTRICT.contains(caller.role())) {
                return new Scope(true, null);
            }
            boolean leader = caller.hasRole(Roles.UNIT_LEADER) && caller.unitCode() != null;
            return new Scope(leader, leader ? caller.unitCode() : null);
        }
    }

    /** The hot spots with the appeals the scope shows; for a unit leader, only those with an appeal of the unit. */
    private Uni<List<HotSpotView>> withAppeals(List<StoredHotSpot> spots, String unit) {
        if (spots.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return hotSpots.appealsOf(spots.stream().map(StoredHotSpot::id).toArray(Long[]::new), unit).map(members -> {
            Map<Long, List<HotSpotView.Appeal>> byHotSpot = new LinkedHashMap<>();
            for (MemberAppeal m : members) {
                byHotSpot.computeIfAbsent(m.hotSpotId(), id -> new ArrayList<>()).add(appeal(m));
            }
            return spots.stream().filter(s -> unit == null || byHotSpot.containsKey(s.id()))
                    .map(s -> view(s, byHotSpot.getOrDefault(s.id(), List.of()))).toList();
        });
    }

    private static HotSpotView view(StoredHotSpot s, List<HotSpotView.Appeal> appeals) {
        Trend trend = Trend.of(s.lastSpan(), s.spanBefore());
        return new HotSpotView(s.id(), s.label(), s.category(), s.street(), s.appeals(), s.enterprises(), s.lastSpan(),
                s.spanBefore(), trend.name(), trend.arrow(), trend.label(), s.firstSeen(), s.lastSeen(), s.computedAt(), appeals);
    }

    private static HotSpotView.Appeal appeal(MemberAppeal m) {
        AppealStatus status = AppealStatus.valueOf(m.status());
        return new HotSpotView.Appeal(m.trackingNo(), m.title(), m.enterpriseName(), m.status(), status.label(),
                m.handlingUnit(), m.receivedAt(), AppealLifecycle.allowedFrom(status).contains(AppealAction.MERGE),
                status.awaitsAnswer());
    }
}
