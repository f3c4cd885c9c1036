package cn.huiyin.supervision.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.supervision.persistence.SupervisionRepository;
import io.smallrye.mutiny.Uni;

/**
 * What the leaders' metrics may count against a unit: supervision orders issued to it in a period, and of those the
 * ones answered after their deadline and the ones that climbed to the district leader. A read for the metrics
 * capability to call; nothing here writes.
 */
@ApplicationScoped
public class SupervisionFigures {

    /** One unit's orders issued in the period. */
    public record UnitOrders(String unitCode, String unitName, long issued, long answeredLate, long escalated) {
    }

    @Inject
    SupervisionRepository orders;

    /** Per unit with at least one order issued in [{@code from}, {@code to}), by unit code. */
    public Uni<List<UnitOrders>> perUnit(Instant from, Instant to) {
        return orders.countsPerUnit(from, to).map(counts -> counts.stream()
                .map(c -> new UnitOrders(c.unitCode(), c.unitName(), c.issued(), c.answeredLate(), c.escalated()))
                .toList());
    }
}
