package cn.huiyin.appeal.domain;

import java.time.Instant;
import java.util.Objects;

import cn.huiyin.shared.domain.Caller;

/**
 * An appeal as the unit works it, and the rules of who may move it how: the unit's scope, the holder and the claim,
 * and the lifecycle. Each rule answers with a {@link Verdict}; the services turn a refusal into an answer (a hidden
 * appeal is "not found", so tracking numbers cannot be probed; a step not possible now is a conflict).
 *
 * @param assignee       who holds it (null: the unit's pool)
 * @param claimExpiresAt when an unsigned claim lapses (null: signed for, held for good)
 */
public record Appeal(long id, String trackingNo, AppealStatus status, String handlingUnit, String assignee,
        Instant claimExpiresAt) {

    private static final String COMMISSIONER = "commissioner";
    private static final String UNIT_LEADER = "unit-leader";

    /** What a rule says of a step. */
    public sealed interface Verdict {
    }

    /** Allowed; {@code next} is the status the step leads to (the present one for a step that moves nothing). */
    public record Allowed(AppealStatus next) implements Verdict {
    }

    /** Not the caller's appeal to work. */
    public record Hidden(String reason) implements Verdict {
    }

    /** Not possible as the appeal stands; {@code reason} says why (in English, as the API's detail). */
    public record NotNow(String reason) implements Verdict {
    }

    /** Commissioners and unit leaders work their own unit's appeals. */
    public Verdict workableBy(Caller caller) {
        boolean unitStaff = caller.hasRole(COMMISSIONER) || caller.hasRole(UNIT_LEADER);
        return unitStaff && caller.unitCode() != null && Objects.equals(caller.unitCode(), handlingUnit)
                ? stays() : new Hidden("not an appeal of the caller's unit");
    }

    /** Held by someone whose claim has not lapsed (a signed-for appeal's hold never lapses). */
    public boolean heldByOtherThan(String username, Instant now) {
        return assignee != null && !assignee.equals(username) && (claimExpiresAt == null || claimExpiresAt.isAfter(now));
    }

    /** Signing for it (签收): a commissioner may not take it from another one's live hold; a unit leader may. */
    public Verdict acceptableBy(Caller caller, Instant now) {
        return firstOf(workableBy(caller), notHeldByAnother(caller, now), next(AppealAction.ACCEPT));
    }

    /** A claim on a lease: only while nobody has signed for it, and not from another one's live hold. */
    public Verdict claimableBy(Caller caller, Instant now) {
        Verdict scope = workableBy(caller);
        if (!(scope instanceof Allowed)) {
            return scope;
        }
        if (status != AppealStatus.DISPATCHED) {
            return new NotNow("only an appeal that nobody has signed for can be claimed");
        }
        return firstOf(notHeldByAnother(caller, now), next(null));
    }

    /** A step of whoever holds it (first contact, reply, transfer, return): a commissioner works only what they hold. */
    public Verdict workableAsHolderBy(Caller caller, AppealAction action) {
        return firstOf(workableBy(caller), holder(caller), next(action));
    }

    /**
     * Giving a misrouted appeal back to the dispatch centre (退单): only while the return window is open (the caller
     * says whether it is: the window is a clock), and only by whoever holds it.
     */
    public Verdict returnableBy(Caller caller, boolean returnWindowOpen) {
        Verdict scope = workableBy(caller);
        if (!(scope instanceof Allowed)) {
            return scope;
        }
        if (!returnWindowOpen) {
            return new NotNow("the return window has closed: the unit must handle the appeal or transfer it");
        }
        return firstOf(holder(caller), next(AppealAction.RETURN));
    }

    /** The lifecycle alone: where {@code action} leads from here (null: a step that moves nothing, on an open appeal). */
    public Verdict next(AppealAction action) {
        if (action == null) {
            return status.isOpen() ? stays() : new NotNow("the appeal is " + status + ": nothing more can be done to it");
        }
        Transition transition = AppealLifecycle.decide(status, action);
        if (transition instanceof Transition.Refused refused) {
            return new NotNow(refused.reason());
        }
        return new Allowed(((Transition.Moved) transition).to());
    }

    private Verdict holder(Caller caller) {
        return caller.hasRole(COMMISSIONER) && assignee != null && !caller.username().equals(assignee)
                ? new NotNow("another commissioner has signed for this appeal") : stays();
    }

    private Verdict notHeldByAnother(Caller caller, Instant now) {
        return caller.hasRole(COMMISSIONER) && heldByOtherThan(caller.username(), now)
                ? new NotNow("another commissioner holds this appeal") : stays();
    }

    private Allowed stays() {
        return new Allowed(status);
    }

    /** The first refusal, else the last verdict (the lifecycle's, which says where the step leads). */
    private static Verdict firstOf(Verdict... verdicts) {
        for (Verdict verdict : verdicts) {
            if (!(verdict instanceof Allowed)) {
                return verdict;
            }
        }
        return verdicts[verdicts.length - 1];
    }
}
