package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.application.ClockView;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.domain.SlaPlanner;
import cn.huiyin.sla.persistence.ClockRepository;
import cn.huiyin.sla.persistence.ClockRepository.StoredClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Approved extensions (延期): once per clock, capped; the due time and the pending ladder steps move with it. */
@ApplicationScoped
public class ClockExtensions {

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
    ClockViews views;

    @Inject
    Clock clock;

    /** An approved extension (延期): once per clock, capped; moves the due time and the pending steps. */
    public Uni<ClockView> extend(long appealId, ClockKind kind, int workingDays, String approvedBy, String reason) {
        return pool.withTransaction(tx -> extend(tx, appealId, kind, workingDays, approvedBy, reason))
                .chain(() -> views.clocksOf(appealId))
                .map(views -> views.stream().filter(v -> v.clock().equals(kind.name()) && v.stoppedAt() == null)
                        .findFirst().orElseThrow());
    }

    /** The extension, in the caller's transaction (e.g. together with the decision on a request for it). */
    public Uni<Void> extend(SqlConnection tx, long appealId, ClockKind kind, int workingDays, String approvedBy,
            String reason) {
        if (workingDays < 1 || workingDays > config.maxExtensionDays()) {
            return Uni.createFrom().failure(invalid("workingDays", "An extension is 1 to " + config.maxExtensionDays()
                    + " working days"));
        }
        return clocks.running(appealId, kind.name())
                .chain(found -> {
                    StoredClock running = found.orElseThrow(() -> ProblemException.notFound("A running " + kind + " clock"));
                    if (running.extendedDays() > 0) {
                        throw alreadyExtended();
                    }
                    return calendar.plannerKnowing(List.of(running.ruleId())).map(planner -> Map.entry(running, planner));
                })
                .chain(found -> {
                    StoredClock running = found.getKey();
                    SlaPlanner planner = found.getValue();
                    ClockPlan plan = planner.plan(kind, SlaClockService.rule(planner, running.ruleId()), running.startedAt(), workingDays);
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


    private static ProblemException alreadyExtended() {
        return new ProblemException(Problem.of(409, "already-extended", "Already extended",
                "This clock was extended once already; a clock may be extended only once"));
    }


    private static ProblemException invalid(String field, String detail) {
        return new ProblemException(Problem.of(422, "invalid-input", "Invalid input", detail).withField(field));}
}

