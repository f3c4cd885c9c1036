package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.shared.security.CurrentCaller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.application.WorkQueueService;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.QueueItem;
import io.smallrye.mutiny.Uni;

/** The commissioner's work queue: the unit's open appeals, nearest deadline first. */
@Path("/api/v1/workqueue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COMMISSIONER, Roles.UNIT_LEADER })
public class WorkQueueResource {

    private static final Instant START = Instant.EPOCH;

    @Inject
    WorkQueueService work;

    @Inject
    CurrentCaller caller;

    /**
     * My unit's open appeals, nearest handling deadline first; next page: {@code ?afterDue=…&afterId=…} from the
     * last item ({@code afterDue=none} once the items without a running handling clock have begun).
     */
    @GET
    public Uni<List<QueueItem>> queue(@RestQuery String afterDue, @RestQuery Long afterId, @RestQuery Integer limit) {
        Instant after;
        try {
            after = afterDue == null ? START : "none".equals(afterDue) ? Instant.MAX : Instant.parse(afterDue);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("afterDue", "afterDue is an ISO-8601 instant (or none) from the previous page");
        }
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 200) {
            throw ProblemException.badRequest("limit", "limit is 1 to 200");
        }
        return caller.get().chain(who -> work.queue(who, after, afterId == null ? 0 : afterId, size));
    }
}
