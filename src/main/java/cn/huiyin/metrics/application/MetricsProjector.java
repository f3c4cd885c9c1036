package cn.huiyin.metrics.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.metrics.MetricsConfig;
import cn.huiyin.metrics.domain.AppealBasics;
import cn.huiyin.metrics.domain.AppealFact;
import cn.huiyin.metrics.domain.AppealFactFolder;
import cn.huiyin.metrics.domain.CellKey;
import cn.huiyin.metrics.domain.EventCursor;
import cn.huiyin.metrics.persistence.ProjectionRepository;
import cn.huiyin.metrics.persistence.ProjectionRepository.EventRef;
import cn.huiyin.metrics.persistence.ProjectionRepository.Position;
import cn.huiyin.metrics.persistence.RollupRepository;
import cn.huiyin.sla.application.SlaCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Folds new appeal events into per-appeal facts and daily and monthly rollups. Each batch is one transaction: read
 * events past the position, re-fold every appeal that has an event newer than its fact (its whole history, each
 * payload decoded once into its typed event, so a replay or a late event gives the same fact, never a double count),
 * rebuild the rollup cells those appeals leave or enter and their month cells, and move the position no further than
 * the first unsettled gap ({@link EventCursor}); then roll up a few months written before monthly rollups existed, if
 * any are left. One replica projects at a time (the position row is locked; the others skip).
 */
@ApplicationScoped
public class MetricsProjector {

    private static final Logger LOG = Logger.getLogger(MetricsProjector.class);

    @Inject
    Pool pool;

    @Inject
    ProjectionRepository projection;

    @Inject
    RollupRepository rollups;

    @Inject
    SlaCalendar calendar;

    @Inject
    MetricsConfig config;

    @Inject
    MeterRegistry meters;

    private final AtomicLong foldedTotal = new AtomicLong();

    @PostConstruct
    void gauges() {
        meters.more().counter("huiyin.metrics.projector.folded", List.of(), foldedTotal);
    }

    @Scheduled(every = "${huiyin.metrics.project-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return projectAll().onFailure().invoke(f -> LOG.warnf("metrics projection failed, will retry: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Projects batch after batch until nothing new is left (at most 50 batches). Returns the appeals re-folded. */
    public Uni<Integer> projectAll() {
        return projectAll(0, 0);
    }

    private Uni<Integer> projectAll(int batches, int foldedSoFar) {
        return projectOnce().chain(result -> {
            int total = foldedSoFar + result.folded();
            return result.more() && batches < 49 ? projectAll(batches + 1, total) : Uni.createFrom().item(total);
        });
    }

    /** What one batch did: appeals re-folded, and whether a full batch suggests more is waiting. */
    public record Batch(int folded, boolean more, long position) {
    }

    /** One batch, one transaction. */
    public Uni<Batch> projectOnce() {
        return calendar.calculator().chain(calculator -> {
            AppealFactFolder folder = new AppealFactFolder(
                    (from, to) -> calculator.workingTimeBetween(from, to).toMinutes(), calculator.calendar().zone());
            return pool.withTransaction(tx -> projection.lock(tx).chain(position -> position == null
                    ? Uni.createFrom().item(new Batch(0, false, -1))
                    : batch(tx, position, folder).chain(batch -> rollups.backfillMonths(tx)
                            .map(left -> left ? new Batch(batch.folded(), true, batch.position()) : batch))));
        }).invoke(batch -> foldedTotal.addAndGet(batch.folded()));
    }

    private Uni<Batch> batch(SqlConnection tx, Position position, AppealFactFolder folder) {
        int limit = config.projectBatch();
        return projection.eventsAfter(tx, position.position(), limit)
                .chain(events -> projection.gapsAfter(tx, position.position()).chain(gaps -> {
                    Map<Long, EventCursor.SeenGap> known = new HashMap<>();
                    gaps.forEach((id, g) -> known.put(id, new EventCursor.SeenGap(g.seenXmax(), g.seenAt())));
                    EventCursor.Step step = EventCursor.step(position.position(), events.stream().map(EventRef::id).toList(),
                            known, position.xmin(), position.xmax(), position.now(), config.gapPatience());
                    return refold(tx, events, folder)
                            .call(() -> projection.rememberGaps(tx, step.newGaps(), position.xmax(), position.now()))
                            .call(() -> step.position() > position.position() ? projection.advance(tx, step.position())
                                    : Uni.createFrom().voidItem())
                            .map(folded -> new Batch(folded, events.size() >= limit && step.position() > position.position(),
                                    step.position()));
                }));
    }

    /** Re-folds the appeals with an event newer than their fact; returns how many. */
    private Uni<Integer> refold(SqlConnection tx, List<EventRef> events, AppealFactFolder folder) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<Long, Integer> newestSeq = new HashMap<>();
        events.forEach(e -> newestSeq.merge(e.appealId(), e.seq(), Math::max));
        return projection.appliedSeqs(tx, newestSeq.keySet()).chain(applied -> {
            List<Long> stale = newestSeq.entrySet().stream()
                    .filter(e -> e.getValue() > applied.getOrDefault(e.getKey(), 0)).map(Map.Entry::getKey).sorted().toList();
            if (stale.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return projection.cellsOf(tx, stale).chain(before -> projection.basics(tx, stale)
                    .chain(basics -> projection.histories(tx, stale).chain(rows -> {
                        EventHistories histories = EventHistories.decode(rows);
                        reportUnread(histories);
                        List<AppealFact> facts = new ArrayList<>();
                        Set<CellKey> cells = new LinkedHashSet<>(before);
                        for (AppealBasics appeal : basics) {
                            AppealFact fact = folder.fold(appeal, histories.of(appeal.appealId()));
                            facts.add(fact);
                            cells.add(fact.cell());
                        }
                        return projection.saveFacts(tx, facts)
                                .chain(() -> rollups.rebuild(tx, new ArrayList<>(cells)))
                                .replaceWith(facts.size());
                    })));
        });
    }

    /**
     * Rows the folder could not use, once per batch. An unknown type is expected when the history outlives a type or
     * a newer replica writes one; a known type with a payload that is not its record's is a fault in the data.
     */
    private static void reportUnread(EventHistories histories) {
        if (!histories.unknownTypes().isEmpty()) {
            LOG.infof("metrics projection: events of types this version does not know moved no figure: %s",
                    histories.unknownTypes());
        }
        if (!histories.unreadable().isEmpty()) {
            LOG.warnf("metrics projection: events whose payload could not be read moved no figure: %s",
                    histories.unreadable());
        }
    }
}
