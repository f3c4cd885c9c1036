package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.shared.web.PageTime;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.QueueRow;
import cn.huiyin.workqueue.web.WorkQueuePages.Line;
import cn.huiyin.workqueue.web.WorkQueuePages.Unit;

/**
 * What the commissioner's pages show, made from what they read: the queue's rows with the handling deadline in
 * Beijing time, whether it has passed, and the risk of missing it (风险), and the units an appeal can be transferred to, in code order.
 */
final class WorkQueueView {

    /** Shown where no handling clock runs (and so there is no deadline). */
    static final String NO_DEADLINE = "—";

    private WorkQueueView() {
    }

    /** @param expectedLateAt from this risk a row not late yet is marked 预计超时 */
    static List<Line> lines(List<QueueRow> rows, Instant now, double expectedLateAt) {
        return rows.stream().map(r -> {
            boolean overdue = r.handleDueAt() != null && r.handleDueAt().isBefore(now);
            return new Line(r.trackingNo().strip(), r.title(), AppealStatus.valueOf(r.status()).label(), r.urgent(),
                    r.supervised(), r.handleDueAt() == null ? NO_DEADLINE : PageTime.beijing(r.handleDueAt()), overdue,
                    risk(r.breachRisk()), !overdue && r.breachRisk() != null && r.breachRisk() >= expectedLateAt);
        }).toList();
    }

    /** A risk as a whole percentage; a dash until it is computed. */
    static String risk(Double breachRisk) {
        return breachRisk == null ? NO_DEADLINE : Math.round(breachRisk * 100) + "%";
    }

    /** Every unit of the catalogue except the caller's own, which cannot take over what it already has. */
    static List<Unit> transferTargets(Catalogue rules, String ownUnit) {
        return rules.unitNames().entrySet().stream().filter(unit -> !Objects.equals(unit.getKey(), ownUnit))
                .map(unit -> new Unit(unit.getKey(), unit.getValue())).sorted(Comparator.comparing(Unit::code)).toList();
    }
}
