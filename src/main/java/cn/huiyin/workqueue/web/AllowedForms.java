package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.util.Set;

import cn.huiyin.appeal.domain.AppealAction;
import cn.huiyin.appeal.domain.AppealLifecycle;
import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.workqueue.persistence.WorkQueuePageRepository.Holding;

/**
 * Which action forms the appeal page offers now. The services still decide every step; this only leaves out
 * forms they would certainly refuse, by the same rules (a commissioner works only what nobody else holds; a
 * unit leader may step in).
 *
 * @param extensionClock the running clock an extension may be asked for (HANDLE or REWORK), or null
 */
public record AllowedForms(boolean claim, boolean accept, boolean firstContact, boolean note, boolean reply,
        boolean transfer, boolean giveBack, String extensionClock) {

    public static AllowedForms of(AppealStatus status, Holding holding, String username, boolean unitLeader, Instant now,
            Set<String> runningClocks) {
        Set<AppealAction> next = AppealLifecycle.allowedFrom(status);
        boolean blockedByAnother = !unitLeader && holding.heldLiveByAnother(username, now);
        // a signed-for or claimed appeal is its holder's to work, even after the lease ran out
        boolean works = unitLeader || holding.assignee() == null || holding.assignee().equals(username);
        String clock = !status.isOpen() ? null
                : status == AppealStatus.REWORK && runningClocks.contains("REWORK") ? "REWORK"
                : runningClocks.contains("HANDLE") ? "HANDLE" : null;
        return new AllowedForms(
                status == AppealStatus.DISPATCHED && !blockedByAnother && !holding.heldLiveBy(username, now),
                next.contains(AppealAction.ACCEPT) && !blockedByAnother,
                next.contains(AppealAction.FIRST_CONTACT) && works,
                status.isOpen(),
                next.contains(AppealAction.REPLY) && works,
                next.contains(AppealAction.TRANSFER) && works,
                next.contains(AppealAction.RETURN) && works,
                clock);
    }

    public boolean any() {
        return claim || accept || firstContact || note || reply || transfer || giveBack || extensionClock != null;
    }
}
