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
import cn.huiyin.sla.application.SlaCalendar;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.supervision.domain.WorkingLateness;
import cn.huiyin.supervision.persistence.SupervisionRepository;
import cn.huiyin.supervision.persistence.SupervisionRepository.DeskRow;
import cn.huiyin.supervision.persistence.SupervisionRepository.LadderRow;
import io.smallrye.mutiny.Uni;

/**
 * The supervision desk (督办台): every appeal still waiting for its answer that is supervised or overdue, the oldest
 * breach first, with how late it is in working time, its ladder, and the order waiting on it. Paged by keyset, so a
 * long desk costs one page at a time.
 */
@ApplicationScoped
public class SupervisionDesk {

    private static final String[] WAITING = Arrays.stream(AppealStatus.values()).filter(AppealStatus::awaitsAnswer)
            .map(Enum::name).toArray(String[]::new);

    @Inject
    SupervisionRepository desk;

    @Inject
    SupervisionOrders orders;

    @Inject
    SlaCalendar calendar;

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
            return Uni.combine().all().unis(desk.ladders(ids), orders.waitingOn(ids), calendar.calculator())
                    .with((ladders, waiting, calculator) -> new DeskPage(
                            lines(shown, byAppeal(ladders), waiting, calculator, now), next));
        });
    }

    private static List<DeskLine> lines(List<DeskRow> rows, Map<Long, List<DeskLine.LadderEntry>> ladders,
            Map<Long, OrderView> waiting, DeadlineCalculator calculator, Instant now) {
        List<DeskLine> lines = new ArrayList<>();
        for (DeskRow row : rows) {
            WorkingLateness late = row.breachAt() == null ? null
                    : WorkingLateness.of(calculator, row.breachAt(), row.clockStoppedAt() != null ? row.clockStoppedAt() : now);
            lines.add(new DeskLine(row.trackingNo(), row.title(), row.status(), AppealStatus.valueOf(row.status()).label(),
                    row.unitCode(), row.unitName(), row.holder(), row.holderName(), row.supervised(), row.lateClock(),
                    row.lateClock() == null ? null : ClockKind.valueOf(row.lateClock()).label(), row.breachAt(),
                    row.clockStoppedAt() != null, late == null ? null : late.minutes(), late == null ? null : late.words(),
                    ladders.getOrDefault(row.appealId(), List.of()), waiting.get(row.appealId())));
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
