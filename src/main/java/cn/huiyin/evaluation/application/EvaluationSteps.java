package cn.huiyin.evaluation.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealDecisions;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.Appeal.Taken;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.evaluation.persistence.EvaluationRepository.Appeal;
import cn.huiyin.sla.application.SlaClockService;
import cn.huiyin.sla.domain.ClockKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** What every evaluation step does inside its transaction: writes what the appeal decided, events, notices. */
@ApplicationScoped
public class EvaluationSteps {

    @Inject
    AppealRecords events;

    @Inject
    SlaClockService clocks;

    /** Events of a step that moves nothing (a rating request, a contest), appended together at its end. */
    public static final class Pending {
        private final List<NewEvent> events = new ArrayList<>();

        public Pending add(AppealEvent event, String actor, Instant at, String reason, Visibility visibility) {
            events.add(NewEvent.of(event, actor, at, reason, visibility));
            return this;
        }
    }

    /**
     * Writes what the appeal decided (its row and events, by {@code actor} unless an event names its own); an archived
     * appeal has nothing left to time, so whatever still runs (an old return window) stops. Returns where it stands.
     */
    public Uni<AppealStatus> write(SqlConnection tx, Appeal before, Taken taken, String actor, Instant at) {
        AppealStatus status = taken.after().status();
        Uni<Void> saved = taken.after().equals(before.aggregate()) ? Uni.createFrom().voidItem() : events.save(tx, taken.after());
        return saved
                .chain(() -> status == AppealStatus.CLOSED && !before.status().equals(status.name())
                        ? clocks.stop(tx, before.id(), at, ClockKind.values()) : Uni.createFrom().voidItem())
                .chain(() -> events.append(tx, Map.of(before.id(), AppealDecisions.events(taken, actor, at))))
                .replaceWith(status);
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
