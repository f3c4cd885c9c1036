package cn.huiyin.supervision.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.risk.application.BreachRisks;
import cn.huiyin.risk.application.ExpectedLate;
import cn.huiyin.sla.application.SlaCalendar;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.supervision.domain.WorkingLateness;
import cn.huiyin.supervision.persistence.SupervisionRepository;
import cn.huiyin.supervision.persistence.SupervisionRepository.DeskRow;
import cn.huiyin.supervision.persistence.SupervisionRepository.LadderRow;
import cn.huiyin.supervision.persistence.SupervisionRepository.Standing;
import io.smallrye.mutiny.Uni;

/**
 * The supervision desk (督办台): every appeal still waiting for its answer that is supervised or overdue, the oldest
 * breach first, with how late it is in working time, its ladder, and its latest order (waiting, or answered with the
 * unit's explanation). Paged by keyset, so a long desk costs one page at a time. Beside it, the appeals expected late
 * (预计超时): not late yet, but likely to miss their handling deadline.
 */
@ApplicationScoped
public class SupervisionDesk {

    private static final String[] WAITING = Arrays.stream(AppealStatus.values()).filter(AppealStatus::awaitsAnswer)
            .map(Enum::name).toArray(String[]::new);

    /** The most risks read for one list: past that, a list short of {@code limit} is what there is. */
    static final int MOST_CANDIDATES = 2000;

    @Inject
    SupervisionRepository desk;

    @Inject
    SupervisionOrders orders;

    @Inject
    SlaCalendar calendar;

    @Inject
    BreachRisks risks;

    @Inject
    Clock clock;

    public Uni<DeskPage> page(DeskCursor after, int limit) {
        Instant now = clock.instant();
        return desk.desk(WAITING, after.breachAt(), after.appealId(), limit + 1).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(new DeskPage(List.of(), null));
            }
            List<DeskRow> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
            DeskRow last = shown.get(shown.size() - 1);
            String next = rows.size() > limit ? new DeskCursor(breachKey(last), last.appealId()).toString() : null;
            Long[] ids = shown.stream().map(DeskRow::appealId).toArray(Long[]::new);
            return Uni.combine().all().unis(desk.ladders(ids), orders.latestOn(ids), calendar.calculator())
                    .with((ladders, latest, calculator) -> new DeskPage(
                            lines(shown, byAppeal(ladders), latest, calculator, now), next));
        });
    }

    /**
     * The riskiest {@code limit} appeals expected late that the late list does not show already (an appeal supervised
     * by hand, or with another clock run out, is late on the desk whatever its handling risk). The risks come riskiest
     * first; when the late list holds many of them, more are read, up to {@link #MOST_CANDIDATES}.
     */
    public Uni<ExpectedLateList> expectedLate(int limit) {
        return expectedLate(limit, Math.max(2 * limit, 50));
    }

    private Uni<ExpectedLateList> expectedLate(int limit, int candidates) {
        return risks.expectedLate(null, candidates).chain(found -> standings(found).chain(standing -> {
            List<ExpectedLateList.Line> lines = expectedLines(found, standing, limit);
            boolean allRead = found.size() < candidates || candidates >= MOST_CANDIDATES;
            return lines.size() >= limit || allRead
                    ? Uni.createFrom().item(new ExpectedLateList(risks.expectedLateAt(), lines))
                    : expectedLate(limit, Math.min(4 * candidates, MOST_CANDIDATES));
        }));
    }

    private Uni<Map<String, Standing>> standings(List<ExpectedLate> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return desk.standings(found.stream().map(ExpectedLate::trackingNo).toArray(String[]::new)).map(rows -> {
            Map<String, Standing> byTrackingNo = new HashMap<>();
            rows.forEach(row -> byTrackingNo.put(row.trackingNo(), row));
            return byTrackingNo;
        });
    }

    private static List<ExpectedLateList.Line> expectedLines(List<ExpectedLate> found, Map<String, Standing> standings,
            int limit) {
        List<ExpectedLateList.Line> lines = new ArrayList<>();
        for (ExpectedLate e : found) {
            Standing standing = standings.get(e.trackingNo());
            if (standing == null || standing.onDesk()) {
                continue;
            }
            lines.add(new ExpectedLateList.Line(e.trackingNo(), e.title(), e.status(),
                    AppealStatus.valueOf(e.status()).label(), e.unitCode(), e.unitName(), e.holder(),
                    standing.holderName(), e.breachRisk(), e.handleDueAt(), e.computedAt()));
            if (lines.size() == limit) {
                break;
            }
        }
        return lines;
    }

    private static List<DeskLine> lines(List<DeskRow> rows, Map<Long, List<DeskLine.LadderEntry>> ladders,
            Map<Long, OrderView> latest, DeadlineCalculator calculator, Instant now) {
        List<DeskLine> lines = new ArrayList<>();
        for (DeskRow row : rows) {
            OrderView order = latest.get(row.appealId());
            boolean waiting = order != null && order.awaitsAnswer();
            WorkingLateness late = row.breachAt() == null ? null
                    : WorkingLateness.of(calculator, row.breachAt(), row.clockStoppedAt() != null ? row.clockStoppedAt() : now);
            lines.add(new DeskLine(row.trackingNo(), row.title(), row.status(), AppealStatus.valueOf(row.status()).label(),
                    row.unitCode(), row.unitName(), row.holder(), row.holderName(), row.supervised(), row.lateClock(),
                    row.lateClock() == null ? null : ClockKind.valueOf(row.lateClock()).label(), row.breachAt(),
                    row.clockStoppedAt() != null, late == null ? null : late.minutes(), late == null ? null : late.words(),
                    ladders.getOrDefault(row.appealId(), List.of()), waiting ? order : null,
                    order != null && !waiting ? order : null));
        }
        return lines;
    }

    private static Map<Long, List<DeskLine.LadderEntry>> byAppeal(List<LadderRow> ladders) {
        Map<Long, List<DeskLine.LadderEntry>> byAppeal = new HashMap<>();
        for (LadderRow step : ladders) {
            byAppeal.computeIfAbsent(step.appealId(), id -> new ArrayList<>()).add(new DeskLine.LadderEntry(step.clock(),
                    ClockKind.valueOf(step.clock()).label(), step.step(), EscalationStep.valueOf(step.step()).label(),
                    step.dueAt(), step.firedAt()));
        }
        return byAppeal;
    }

    private static Instant breachKey(DeskRow row) {
        return row.breachAt() == null ? SupervisionRepository.NO_BREACH : row.breachAt();
    }
}
