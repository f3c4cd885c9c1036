package cn.huiyin.sla.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.persistence.ClockRepository;
import cn.huiyin.sla.persistence.ClockRepository.Start;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs an appeal's clocks: starts them at dispatch and when a reply opens a round, stops them when the step they
 * measure is done. Extensions ({@link ClockExtensions}), re-timing ({@link ClockRetiming}) and what the pages show
 * ({@link ClockViews}) are their own classes.
 */
@ApplicationScoped
public class SlaClockService {

    /** An appeal that has just been placed with a unit. */
    public record Dispatched(long appealId, String unit, Instant at, List<ClockPlan> clocks) {
    }

    @Inject
    ClockRepository clocks;

    @Inject
    SlaCalendar calendar;

    /** Starts the dispatch clocks and the unit's custody, in the dispatching transaction. */
    public Uni<Void> armAtDispatch(SqlClient tx, List<Dispatched> dispatched) {
        List<Start> starts = new ArrayList<>();
        List<Tuple> custody = new ArrayList<>();
        for (Dispatched d : dispatched) {
            d.clocks().forEach(plan -> starts.add(new Start(d.appealId(), 1, plan)));
            custody.add(Tuple.of(d.appealId(), d.unit(), d.at().atOffset(ZoneOffset.UTC)));
        }
        return clocks.start(tx, starts).chain(() -> clocks.takeCustody(tx, custody));
    }

    /**
     * Starts these clocks for the appeal in {@code round}, in the caller's transaction (a reply starts the rating
     * and return-visit clocks, a bad rating the rework clock). A clock without a rule is not started; starting
     * one twice changes nothing.
     */
    public Uni<Void> start(SqlClient tx, long appealId, int round, String appealType, String category,
            boolean urgent, Instant at, ClockKind... kinds) {
        return calendar.planner().chain(planner -> {
            List<Start> starts = new ArrayList<>();
            for (ClockKind kind : kinds) {
                planner.rules().select(kind, appealType, category, urgent,
                        at.atZone(planner.calculator().calendar().zone()).toLocalDate())
                        .ifPresent(rule -> starts.add(new Start(appealId, round, planner.plan(kind, rule, at))));
            }
            return clocks.start(tx, starts);
        });
    }

    /** Stops the clock of that kind in one round only, in the caller's transaction. */
    public Uni<Void> stopRound(SqlClient tx, long appealId, ClockKind kind, int round, Instant at) {
        return clocks.stopRound(tx, appealId, kind.name(), round, at);
    }

    /** Stops these clocks as part of the caller's transaction (the lifecycle step that ends them commits with it). */
    public Uni<Void> stop(SqlClient tx, long appealId, Instant at, ClockKind... kinds) {
        return clocks.stopRunning(tx, appealId, Arrays.stream(kinds).map(Enum::name).toArray(String[]::new), at);
    }

    /** The rule a clock was started under (rules are versioned, never deleted). */
    static ClockRule rule(SlaPlanner planner, long id) {
        return planner.rules().byId(id).orElseThrow(() -> new IllegalStateException("clock rule " + id + " is gone; rules are never deleted"));
    }

    static Instant step(ClockPlan plan, EscalationStep step) {
        return plan.timers().stream().filter(t -> t.step() == step).map(ClockPlan.TimerPlan::dueAt).findFirst().orElse(null);
    }
}
