package cn.huiyin.workqueue.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.LapsedClaim;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;

/**
 * What automatic assignment writes in an appeal's timeline: who was given it, why and until when it is theirs unless
 * they sign for it; and, per claim that ran out unsigned, that it went back to the unit's pool. Both are internal:
 * the enterprise sees who signed for its appeal, not the lease before it.
 */
public final class AssignmentRecords {

    /** The actor of assignment's events. */
    public static final String ACTOR = "system:assignment";

    /** The reason recorded with a lapsed claim (the staff pages put it in Chinese). */
    public static final String NOT_SIGNED_FOR = "not signed for in time";

    private AssignmentRecords() {
    }

    /** The event of an assignment, {@code basis} saying which rule chose the assignee. */
    public static NewEvent assigned(String assignee, String basis, Instant until, Instant now) {
        return NewEvent.of(new AppealEvent.Assigned(assignee, basis, until.toString()), ACTOR, now, null, Visibility.INTERNAL);
    }

    /** One event per lapsed claim, by appeal id, naming whose claim it was. */
    public static Map<Long, List<NewEvent>> expired(List<LapsedClaim> claims, Instant now) {
        Map<Long, List<NewEvent>> events = new LinkedHashMap<>();
        for (LapsedClaim claim : claims) {
            events.put(claim.appealId(), List.of(NewEvent.of(new AppealEvent.ClaimExpired(claim.assignee()), ACTOR, now,
                    NOT_SIGNED_FOR, Visibility.INTERNAL)));
        }
        return events;
    }
}
