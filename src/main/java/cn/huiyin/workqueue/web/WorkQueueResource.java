package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.workqueue.application.WorkQueueService;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.QueueItem;
import io.smallrye.mutiny.Uni;

/** The commissioner's work queue: the unit's open appeals, nearest deadline first. */
@Path("/api/v1/workqueue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
public class WorkQueueResource {

    private static final String LIMIT = "is 1 to 200";

    @Inject
    WorkQueueService work;

    @Inject
    CurrentCaller caller;

    /**
     * My unit's open appeals, nearest handling deadline first; next page: {@code ?afterDue=…&afterId=…} from the
     * last item ({@code afterDue=none} once the items without a running handling clock have begun). With
     * {@code sort=risk}, riskiest first (风险, those not yet computed last); next page {@code ?sort=risk&afterRisk=…&afterId=…}
     * from the last item's {@code breachRisk} ({@code afterRisk=none} once those without one have begun).
     */
    @GET
    public Uni<List<QueueItem>> queue(@RestQuery String sort, @RestQuery String afterDue, @RestQuery String afterRisk,
            @RestQuery Long afterId,
            @RestQuery @Min(value = 1, message = LIMIT) @Max(value = 200, message = LIMIT) Integer limit) {
        int size = limit == null ? 50 : limit;
        long id = afterId == null ? 0 : afterId;
        if (QueueCursor.byRisk(sort)) {
            double after = QueueCursor.afterRisk(afterRisk);
            return caller.get().chain(who -> work.queueByRisk(who, after, id, size));
        }
        Instant after = QueueCursor.afterDue(afterDue);
        return caller.get().chain(who -> work.queue(who, after, id, size));
    }
}
