package cn.huiyin.appeal.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.LapsedClaim;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.appeal.persistence.AppealEventAppender;
import cn.huiyin.appeal.persistence.AppealStateRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * How the other capabilities write an appeal's record inside their own transaction: events chained onto its
 * timeline, its status, unit, holder and flags, the outbox rows the relay delivers after the commit. The appeal
 * capability owns these tables; this is the one door to them. The callers decide whether a change is allowed.
 */
@ApplicationScoped
public class AppealRecords {

    @Inject
    AppealEventAppender events;

    @Inject
    AppealStateRepository state;

    /** Locks the appeals in id order and chains each event after the appeal's last hash. */
    public Uni<Void> append(SqlConnection tx, Map<Long, List<NewEvent>> eventsByAppeal) {
        return events.append(tx, eventsByAppeal);
    }

    public Uni<Void> moveTo(SqlClient tx, long appealId, String status) {
        return state.moveTo(tx, appealId, status);
    }

    /** What a step decided (see {@link Appeal}): status, unit, holder and claim. */
    public Uni<Void> save(SqlClient tx, Appeal after) {
        return state.save(tx, after);
    }

    /** Automatic assignment: held on a lease until {@code until}. */
    public Uni<Void> hold(SqlClient tx, long appealId, String assignee, Instant until, Instant now) {
        return state.hold(tx, appealId, assignee, until, now);
    }

    /** Automatic assignment of many appeals at once (appeal id → username), each held until {@code until}. */
    public Uni<Void> holdAll(SqlClient tx, Map<Long, String> assignees, Instant until, Instant now) {
        return state.holdAll(tx, assignees, until, now);
    }

    public Uni<Void> setCategory(SqlClient tx, long appealId, String category) {
        return state.setCategory(tx, appealId, category);
    }

    public Uni<Void> linkToParent(SqlClient tx, long childId, long parentId) {
        return state.linkToParent(tx, childId, parentId);
    }

    public Uni<Void> markSupervised(SqlClient tx, Long[] appealIds) {
        return state.markSupervised(tx, appealIds);
    }

    /** Lapsed claims back to their units' pools, at most {@code limit} per call. */
    public Uni<List<LapsedClaim>> releaseLapsedClaims(SqlClient tx, Instant now, int limit) {
        return state.releaseLapsedClaims(tx, now, limit);
    }

    /** A notice for the relay, delivered after the commit (to the enterprise, assignment, metrics). */
    public Uni<Void> notify(SqlClient tx, long appealId, AppealNotice notice) {
        return state.outbox(tx, List.of(OutboxRow.of(appealId, notice)));
    }

    /** Several notices in one statement (a sweep, a merge). */
    public Uni<Void> notifyAll(SqlClient tx, List<OutboxRow> rows) {
        return state.outbox(tx, rows);
    }
}
