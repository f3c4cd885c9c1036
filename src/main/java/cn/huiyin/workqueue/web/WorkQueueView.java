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
 * Beijing time and whether it has passed, and the units an appeal can be transferred to, in code order.
 */
final class WorkQueueView {

    /** Shown where no handling clock runs (and so there is no deadline). */
    static final String NO_DEADLINE = "—";

    private WorkQueueView() {
    }

    static List<Line> lines(List<QueueRow> rows, Instant now) {
        return rows.stream().map(r -> new Line(r.trackingNo().strip(), r.title(), AppealStatus.valueOf(r.status()).label(),
                r.urgent(), r.supervised(), r.handleDueAt() == null ? NO_DEADLINE : PageTime.beijing(r.handleDueAt()),
                r.handleDueAt() != null && r.handleDueAt().isBefore(now))).toList();
    }

    /** Every unit of the catalogue except the caller's own, which cannot take over what it already has. */
    static List<Unit> transferTargets(Catalogue rules, String ownUnit) {
        return rules.unitNames().entrySet().stream().filter(unit -> !Objects.equals(unit.getKey(), ownUnit))
                .map(unit -> new Unit(unit.getKey(), unit.getValue())).sorted(Comparator.comparing(Unit::code)).toList();
    }
}
