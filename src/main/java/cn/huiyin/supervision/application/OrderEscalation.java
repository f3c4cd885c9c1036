package cn.huiyin.supervision.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Climbs unanswered orders past their reply deadline to the district leader, on a schedule. The claim is one
 * statement with {@code SKIP LOCKED}, so every replica may run it and each order still escalates once.
 */
@ApplicationScoped
public class OrderEscalation {

    private static final Logger LOG = Logger.getLogger(OrderEscalation.class);

    @Inject
    SupervisionOrders orders;

    @Scheduled(every = "${huiyin.supervision.escalate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return orders.escalateDue()
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("escalated %d supervision orders past their reply deadline", count);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("supervision escalation failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
