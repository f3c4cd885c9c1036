package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.application.AppealClocks;
import cn.huiyin.appeal.application.ClockView;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockState;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.persistence.ClockRepository;
import cn.huiyin.sla.persistence.ClockRepository.Start;
import cn.huiyin.sla.persistence.ClockRepository.StoredClock;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Starts, stops, extends and re-times appeal clocks, and shows them. */
@ApplicationScoped
public class SlaClockService implements AppealClocks {

    /** An appeal that has just been placed with a unit. */
    public record Dispatched(long appealId, String unit, Instant at, List<ClockPlan> clocks) {
    }

    @Inject
    Pool pool;

    @Inject
    ClockRepository clocks;

    @Inject
    AppealRecords events;

    @Inject
    SlaCalendar calendar;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

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
    public Uni<Void> startInTransaction(SqlClient tx, long appealId, int round, String appealType, String category,
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
    public Uni<Void> stopRoundInTransaction(SqlClient tx, long appealId, ClockKind kind, int round, Instant at) {
        return clocks.stopRound(tx, appealId, kind.name(), round, at);
    }

    /** Stops the appeal's running clock of that kind (the matching lifecycle event happened). */
    public Uni<Boolean> stop(long appealId, ClockKind kind, Instant at, String actor) {
        return clocks.running(appealId, kind.name()).chain(found -> found.isEmpty() ? Uni.createFrom().item(false)
                : pool.withTransaction(tx -> clocks.stop(tx, found.get().id(), at).call(stopped -> !stopped
                        ? Uni.createFrom().voidItem()
                        : events.append(tx, Map.of(appealId, List.of(NewEvent.of(new AppealEvent.ClockStopped(kind.name()), actor, at,
                                kind.label() + "计时停止", PlannedEvent.Visibility.INTERNAL)))))));
    }

    /** Stops these clocks as part of the caller's transaction (the lifecycle step that ends them commits with it). */
    public Uni<Void> stopInTransaction(SqlClient tx, long appealId, Instant at, ClockKind... kinds) {
        return clocks.stopRunning(tx, appealId, Arrays.stream(kinds).map(Enum::name).toArray(String[]::new), at);
    }

    /** An approved extension (延期): once per clock, capped; moves the due time and the pending steps. */
    public Uni<ClockView> extend(long appealId, ClockKind kind, int workingDays, String approvedBy, String reason) {
        return pool.withTransaction(tx -> extendInTransaction(tx, appealId, kind, workingDays, approvedBy, reason))
                .chain(() -> clocksOf(appealId))
                .map(views -> views.stream().filter(v -> v.clock().equals(kind.name()) && v.stoppedAt() == null)
                        .findFirst().orElseThrow());
    }

    /** The extension, in the caller's transaction (e.g. together with the decision on a request for it). */
    public Uni<Void> extendInTransaction(SqlConnection tx, long appealId, ClockKind kind, int workingDays, String approvedBy,
            String reason) {
        if (workingDays < 1 || workingDays > config.maxExtensionDays()) {
            return Uni.createFrom().failure(invalid("workingDays", "An extension is 1 to " + config.maxExtensionDays()
                    + " working days"));
        }
        return Uni.combine().all().unis(clocks.running(appealId, kind.name()), calendar.planner()).asTuple()
                .chain(found -> {
                    StoredClock running = found.getItem1().orElseThrow(() -> ProblemException.notFound("A running " + kind + " clock"));
                    if (running.extendedDays() > 0) {
                        throw alreadyExtended();
                    }
                    SlaPlanner planner = found.getItem2();
                    ClockPlan plan = planner.plan(kind, rule(planner, running.ruleId()), running.startedAt(), workingDays);
                    Instant now = clock.instant();
                    return clocks.markExtended(tx, running.id(), workingDays)
                            .invoke(first -> {
                                if (!first) {
                                    throw alreadyExtended();
                                }
                            })
                            .chain(() -> clocks.reschedule(tx, running.id(), plan, workingDays))
                            .chain(() -> events.append(tx, Map.of(appealId, List.of(NewEvent.of(new AppealEvent.Extended(kind.name(),
                                    workingDays, plan.dueAt().toString()), approvedBy, now, reason,
                                    PlannedEvent.Visibility.PUBLIC)))));
                });
    }

    /**
     * Re-times every running clock from its start under the current calendar and its own rule version
     * (after a calendar import or a rule correction). Idempotent: a second run changes nothing.
     */
    public Uni<Integer> recompute() {
        calendar.reload();
        return calendar.planner().chain(planner -> recomputePage(planner, 0L, 0));
    }

    private Uni<Integer> recomputePage(SlaPlanner planner, long afterId, int changedSoFar) {
        return clocks.runningPage(afterId, 500).chain(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().item(changedSoFar);
            }
            List<Map.Entry<StoredClock, ClockPlan>> changed = new ArrayList<>();
            for (StoredClock c : page) {
                ClockPlan plan = planner.plan(ClockKind.valueOf(c.clock()), rule(planner, c.ruleId()), c.startedAt(),
                        c.extendedDays());
                if (!plan.dueAt().equals(c.dueAt()) || !sameStep(plan, EscalationStep.WARNING, c.warningAt())) {
                    changed.add(Map.entry(c, plan));
                }
            }
            Uni<Void> write = changed.isEmpty() ? Uni.createFrom().voidItem()
                    : pool.withTransaction(tx -> Multi.createFrom().iterable(changed)
                            .onItem().transformToUniAndConcatenate(e -> clocks.reschedule(tx, e.getKey().id(), e.getValue(),
                                    e.getKey().extendedDays()))
                            .collect().asList().replaceWithVoid());
            return write.chain(() -> recomputePage(planner, page.get(page.size() - 1).id(), changedSoFar + changed.size()));
        });
    }

    /** What each clock would be for such an appeal started at {@code from}, under the rules in force then. */
    public Uni<List<ClockPreview>> preview(String appealType, String category, boolean urgent, Instant from) {
        return calendar.planner().map(planner -> {
            List<ClockPreview> previews = new ArrayList<>();
            for (ClockKind kind : ClockKind.values()) {
                planner.rules().select(kind, appealType, category, urgent, from.atZone(planner.calculator().calendar().zone()).toLocalDate())
                        .ifPresent(rule -> {
                            ClockPlan plan = planner.plan(kind, rule, from);
                            previews.add(new ClockPreview(kind.name(), kind.label(), rule.id(), rule.amount(),
                                    rule.unit().name(), rule.legalSource(), rule.effectiveFrom(), plan.dueAt(),
                                    step(plan, EscalationStep.WARNING), step(plan, EscalationStep.SUPERVISION),
                                    plan.deadline().calendarComplete(), plan.deadline().missingYears()));
                        });
            }
            return previews;
        });
    }

    @Override
    public Uni<List<ClockView>> clocksOf(long appealId) {
        Instant now = clock.instant();
        return Uni.combine().all().unis(clocks.clocksOf(appealId), calendar.planner()).with((stored, planner) -> stored
                .stream().map(c -> {
                    ClockKind kind = ClockKind.valueOf(c.clock());
                    ClockState state = ClockState.of(now, c.stoppedAt(), c.warningAt(), c.dueAt(), c.supervisionAt());
                    Long left = c.stoppedAt() != null ? null : minutesLeft(planner, rule(planner, c.ruleId()), now, c.dueAt());
                    return new ClockView(kind.name(), kind.label(), c.round(), c.startedAt(), c.dueAt(), c.warningAt(),
                            c.supervisionAt(), c.stoppedAt(), left, state.name(), state.label(), c.extendedDays());
                }).toList());
    }

    /** In the clock's own time: office minutes for a working-time clock, plain minutes otherwise. */
    private static long minutesLeft(SlaPlanner planner, ClockRule rule, Instant now, Instant due) {
        if (!rule.unit().countsWorkingTime()) {
            return Duration.between(now, due).toMinutes();
        }
        var calculator = planner.calculator();
        return now.isBefore(due) ? calculator.workingTimeBetween(now, due).toMinutes()
                : -calculator.workingTimeBetween(due, now).toMinutes();
    }

    private static ClockRule rule(SlaPlanner planner, long id) {
        return planner.rules().rules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("clock rule " + id + " is gone; rules are never deleted"));
    }

    private static Instant step(ClockPlan plan, EscalationStep step) {
        return plan.timers().stream().filter(t -> t.step() == step).map(ClockPlan.TimerPlan::dueAt).findFirst().orElse(null);
    }

    private static boolean sameStep(ClockPlan plan, EscalationStep step, Instant stored) {
        Instant planned = step(plan, step);
        return planned == null ? stored == null : planned.equals(stored);
    }

    private static ProblemException alreadyExtended() {
        return new ProblemException(Problem.of(409, "already-extended", "Already extended",
                "This clock was extended once already; a clock may be extended only once"));
    }

    private static ProblemException invalid(String field, String detail) {
        return new ProblemException(Problem.of(422, "invalid-input", "Invalid input", detail).withField(field));
    }
}
