package cn.huiyin.evaluation.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealLifecycle;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.appeal.domain.Transition;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.evaluation.persistence.EvaluationRepository.Appeal;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.domain.ClockKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** What every evaluation step does inside its transaction: lifecycle moves, events, closing. */
@ApplicationScoped
public class EvaluationSteps {

    @Inject
    EvaluationRepository rounds;

    @Inject
    AppealRecords events;

    @Inject
    SlaClockService clocks;

    /** Events collected during one step, appended together at its end. */
    public static final class Pending {
        private final List<NewEvent> events = new ArrayList<>();

        public Pending add(AppealEvent event, String actor, Instant at, String reason, Visibility visibility) {
            events.add(NewEvent.of(event, actor, at, reason, visibility));
            return this;
        }
    }

    /** The status an action leads to; 409 illegal-transition when the lifecycle refuses it. */
    public static AppealStatus next(Appeal appeal, AppealAction action) {
        Transition transition = AppealLifecycle.decide(AppealStatus.valueOf(appeal.status()), action);
        if (transition instanceof Transition.Refused refused) {
            throw new ProblemException(Problem.of(409, "illegal-transition", "Not possible now", refused.reason()));
        }
        return ((Transition.Moved) transition).to();
    }

    /**
     * An evaluated appeal is archived (归档) once no return visit is due for any of its rounds; otherwise the
     * visit closes it when recorded. Returns the status the appeal ends in.
     */
    public Uni<AppealStatus> closeIfSettled(SqlConnection tx, Appeal appeal, AppealStatus now, String actor, Instant at,
            Pending pending) {
        if (now != AppealStatus.EVALUATED) {
            return Uni.createFrom().item(now);
        }
        return rounds.visitPending(tx, appeal.id()).chain(visitDue -> {
            if (visitDue) {
                return Uni.createFrom().item(now);
            }
            AppealStatus closed = ((Transition.Moved) AppealLifecycle.decide(now, AppealAction.CLOSE)).to();
            pending.add(new AppealEvent.Closed(), actor, at, null, Visibility.PUBLIC);
            // an archived appeal has nothing left to time: whatever still runs (an old return window) stops here
            return moveTo(tx, appeal.id(), closed.name())
                    .chain(() -> clocks.stopInTransaction(tx, appeal.id(), at, ClockKind.values()))
                    .replaceWith(closed);
        });
    }

    public Uni<Void> moveTo(SqlConnection tx, long appealId, String status) {
        return events.moveTo(tx, appealId, status);
    }

    /** A notice for whoever reacts after commit (notifiers, metrics). */
    public Uni<Void> notify(SqlConnection tx, long appealId, AppealNotice notice) {
        return events.notify(tx, appealId, notice);
    }

    public Uni<Void> append(SqlConnection tx, long appealId, Pending pending) {
        return pending.events.isEmpty() ? Uni.createFrom().voidItem()
                : events.append(tx, Map.of(appealId, List.copyOf(pending.events)));
    }
}
