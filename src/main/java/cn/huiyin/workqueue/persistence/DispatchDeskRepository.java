package cn.huiyin.workqueue.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the dispatcher's desk reads and writes besides the appeal's lifecycle. */
@ApplicationScoped
public class DispatchDeskRepository {

    /** An appeal waiting for the dispatcher: never placed, or returned by a unit (with its reason). */
    public record Waiting(String trackingNo, String title, String status, String channel, String appealType, boolean urgent,
            Instant receivedAt, String returnedBy, String returnReason, List<Map<String, Object>> suggestions) {
    }

    public record OpenRequest(long id, long appealId, String trackingNo, String unit, String clock, int workingDays,
            String reason, String requestedBy, Instant requestedAt) {
    }

    public record ExtensionDecision(long id, boolean approved) {
    }

    @Inject
    Pool pool;

    @Inject
    AppealRecords events;

    /**
     * Unplaced and returned appeals, oldest first (the order they have waited in), from the start or after the
     * appeal numbered {@code afterTrackingNo} (keyset: its place in that order, whatever has become of it since).
     * Read from V20's {@code appeal_waiting_idx} in order and stopped after the page, at any depth; an unknown
     * number gives an empty page.
     */
    public Uni<List<Waiting>> waiting(String afterTrackingNo, int limit) {
        return afterTrackingNo == null
                ? pool.preparedQuery(WAITING_FIRST).execute(Tuple.of(limit)).map(DispatchDeskRepository::waiting)
                : pool.preparedQuery(WAITING_AFTER).execute(Tuple.of(afterTrackingNo, limit)).map(DispatchDeskRepository::waiting);
    }

    /** One appeal waiting for the dispatcher, for its placement page; empty once it is placed (or never was one). */
    public Uni<Optional<Waiting>> waitingOne(String trackingNo) {
        return pool.preparedQuery(WAITING_ONE).execute(Tuple.of(trackingNo))
                .map(rows -> DispatchDeskRepository.waiting(rows).stream().findFirst());
    }

    private static final String WAITING_COLUMNS = """
            SELECT a.tracking_no, a.title, a.status, a.channel, a.appeal_type, a.urgent, a.received_at,
                CASE WHEN a.status = 'RETURNED' THEN a.handling_unit END AS returned_by,
                (SELECT e.reason FROM appeal_event e WHERE e.appeal_id = a.id AND e.type = 'RETURNED'
                    ORDER BY e.seq DESC LIMIT 1) AS return_reason,
                a.routing_suggestions
            FROM appeal a WHERE a.status IN ('RECEIVED', 'RETURNED')""";

    /** $1 page size. */
    static final String WAITING_FIRST = WAITING_COLUMNS + " ORDER BY a.received_at, a.id LIMIT $1";

    /** $1 the previous page's last tracking number, $2 page size. */
    static final String WAITING_AFTER = WAITING_COLUMNS + """
             AND (a.received_at, a.id) > (SELECT c.received_at, c.id FROM appeal c WHERE c.tracking_no = $1)
            ORDER BY a.received_at, a.id LIMIT $2""";

    /** $1 tracking number. */
    static final String WAITING_ONE = WAITING_COLUMNS + " AND a.tracking_no = $1";

    private static List<Waiting> waiting(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Waiting> waiting = new ArrayList<>();
        for (Row r : rows) {
            waiting.add(new Waiting(r.getString("tracking_no"), r.getString("title"), r.getString("status"),
                    r.getString("channel"), r.getString("appeal_type"), r.getBoolean("urgent"),
                    r.getOffsetDateTime("received_at").toInstant(), r.getString("returned_by"),
                    r.getString("return_reason"), suggestions(r.getString("routing_suggestions"))));
        }
        return waiting;
    }

    /** Open extension requests, oldest first; a unit leader sees only their unit's. */
    public Uni<List<OpenRequest>> openRequests(String unitOrNull) {
        return pool.preparedQuery(SELECT_REQUESTS + " WHERE r.decided_at IS NULL AND ($1::varchar IS NULL OR a.handling_unit = $1) "
                + "ORDER BY r.requested_at LIMIT 200")
                .execute(Tuple.of(unitOrNull)).map(DispatchDeskRepository::requests);
    }

    public Uni<OpenRequest> openRequest(long id) {
        return pool.preparedQuery(SELECT_REQUESTS + " WHERE r.id = $1 AND r.decided_at IS NULL").execute(Tuple.of(id))
                .map(rows -> requests(rows).stream().findFirst()
                        .orElseThrow(() -> ProblemException.notFound("Open extension request " + id)));
    }

    public <T> Uni<T> inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    public Uni<ExtensionDecision> decide(SqlClient tx, long id, Caller caller, boolean approve, String note, Instant at) {
        return tx.preparedQuery("UPDATE extension_request SET decided_by = $2, decided_at = $3, approved = $4, decision_note = $5 "
                + "WHERE id = $1 AND decided_at IS NULL RETURNING id")
                .execute(Tuple.of(id, caller.actor(), utc(at), approve, note))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.conflict("the request has already been decided");
                    }
                    return new ExtensionDecision(id, approve);
                });
    }

    /** A refusal is part of the appeal's history too. */
    public Uni<Void> refuseInTimeline(SqlConnection tx, OpenRequest request, Caller caller, String note, Instant at) {
        return tx.preparedQuery("SELECT id FROM appeal WHERE id = $1 FOR UPDATE").execute(Tuple.of(request.appealId()))
                .chain(() -> events.append(tx, Map.of(request.appealId(), List.of(NewEvent.of(new AppealEvent.ExtensionRefused(request.clock()),
                        caller.actor(), at, note, Visibility.INTERNAL)))));
    }

    public Uni<Void> addHelper(SqlClient tx, long appealId, String unit, Caller caller, Instant at) {
        return tx.preparedQuery("INSERT INTO appeal_helper_unit (appeal_id, unit_code, added_by, added_at) VALUES ($1, $2, $3, $4) "
                + "ON CONFLICT DO NOTHING RETURNING unit_code").execute(Tuple.of(appealId, unit, caller.actor(), utc(at)))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.conflict(unit + " already helps with this appeal");
                    }
                }).replaceWithVoid();
    }

    /** A request for more working days; false when one is already waiting for this appeal (nothing stored). */
    public Uni<Boolean> requestExtension(SqlClient tx, long appealId, String clock, int workingDays, String reason,
            String requestedBy, Instant at) {
        return tx.preparedQuery("""
                INSERT INTO extension_request (appeal_id, clock, working_days, reason, requested_by, requested_at)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id""")
                .execute(Tuple.of(appealId, clock, workingDays, reason, requestedBy, at.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Optional<String>> streetOf(String trackingNo) {
        return pool.preparedQuery("SELECT street_code FROM appeal WHERE tracking_no = $1").execute(Tuple.of(trackingNo))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getString("street_code")));
    }

    /** The dispatcher's placement is a labelled example: the next classifier learns from it. */
    public Uni<Void> recordExample(SqlClient tx, long appealId, String category) {
        return tx.preparedQuery("INSERT INTO routing_example (text, category, source) "
                + "SELECT title || E'\\n' || content, $2, 'CORRECTION' FROM appeal WHERE id = $1")
                .execute(Tuple.of(appealId, category)).replaceWithVoid();
    }

    /** Links a merged child to its parent, which must be a different, open, unmerged appeal. */
    public Uni<List<String>> linkToParent(SqlConnection tx, Locked child, String parentNo) {
        return tx.preparedQuery("SELECT id, status, handling_unit FROM appeal WHERE tracking_no = $1 FOR UPDATE")
                .execute(Tuple.of(parentNo))
                .chain(rows -> {
                    Row parent = rows.size() == 0 ? null : rows.iterator().next();
                    if (parent == null || parent.getLong("id") == child.id()) {
                        throw ProblemException.badRequest("parent", "The parent must be another appeal");
                    }
                    String status = parent.getString("status");
                    if (!AppealStatus.valueOf(status).awaitsAnswer()) {
                        throw ProblemException.badRequest("parent", "The parent is " + status
                                + ": merge into an appeal that has not been answered yet, so the child receives the answer");
                    }
                    return events.linkToParent(tx, child.id(), parent.getLong("id"))
                            .replaceWith(parent.getString("handling_unit") == null ? List.<String> of()
                                    : List.of(parent.getString("handling_unit")));
                });
    }

    private static final String SELECT_REQUESTS = """
            SELECT r.id, r.appeal_id, a.tracking_no, a.handling_unit, r.clock, r.working_days, r.reason, r.requested_by,
                r.requested_at
            FROM extension_request r JOIN appeal a ON a.id = r.appeal_id""";

    private static List<OpenRequest> requests(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<OpenRequest> requests = new ArrayList<>();
        for (Row r : rows) {
            requests.add(new OpenRequest(r.getLong("id"), r.getLong("appeal_id"), r.getString("tracking_no"),
                    r.getString("handling_unit"), r.getString("clock"), r.getInteger("working_days"), r.getString("reason"),
                    r.getString("requested_by"), r.getOffsetDateTime("requested_at").toInstant()));
        }
        return requests;
    }

    /** The classifier's top suggestions, stored as a JSON array of {category, confidence}. */
    private static List<Map<String, Object>> suggestions(String json) {
        if (json == null) {
            return List.of();
        }
        io.vertx.core.json.JsonArray array = new io.vertx.core.json.JsonArray(json);
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            suggestions.add(array.getJsonObject(i).getMap());
        }
        return suggestions;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
