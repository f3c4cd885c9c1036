package cn.huiyin.appeal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.shared.domain.Caller;

/**
 * An appeal as it is worked, and the only way to change it: each step ({@link #accept}, {@link #reply},
 * {@link #transfer}…) answers with a {@link Decision} — the appeal after the step and the event that says what
 * happened, or a typed refusal. The services load the appeal, ask it, and write what it decided; they turn a refusal
 * into an answer (a hidden appeal is "not found", so tracking numbers cannot be probed; a step not possible now is a
 * conflict; an invalid argument names its field).
 *
 * @param assignee       who holds it (null: the unit's pool)
 * @param claimExpiresAt when an unsigned claim lapses (null: signed for, held for good)
 */
public record Appeal(long id, String trackingNo, AppealStatus status, String handlingUnit, String assignee,
        Instant claimExpiresAt) {

    private static final String COMMISSIONER = "commissioner";
    private static final String UNIT_LEADER = "unit-leader";
    private static final String DISPATCHER = "dispatcher";

    /** What a rule says of a step, before anything is changed. */
    public sealed interface Verdict {
    }

    /** What the appeal decided about a step. */
    public sealed interface Decision {
    }

    /** Allowed; {@code next} is the status the step leads to (the present one for a step that moves nothing). */
    public record Allowed(AppealStatus next) implements Verdict {
    }

    /** Done: the appeal as it now stands and the events to append, the step's own first. */
    public record Taken(Appeal after, List<Happened> happened) implements Decision {

        public Taken {
            happened = List.copyOf(happened);
        }

        /** A step that leaves one event, by whoever took it. */
        public Taken(Appeal after, AppealEvent event, String text, Visibility visibility) {
            this(after, List.of(new Happened(event, text, visibility, null)));
        }

        /** The step's own event. */
        public AppealEvent event() {
            return happened.get(0).event();
        }

        public String text() {
            return happened.get(0).text();
        }

        public Visibility visibility() {
            return happened.get(0).visibility();
        }
    }

    /** An event a step leaves, with its free text and who may see it; {@code actor} null: whoever took the step. */
    public record Happened(AppealEvent event, String text, Visibility visibility, String actor) {
    }

    /** Not the caller's appeal to work. */
    public record Hidden(String reason) implements Verdict, Decision {
    }

    /** Not possible as the appeal stands; {@code reason} says why (in English, as the API's detail). */
    public record NotNow(String reason) implements Verdict, Decision {
    }

    /** An argument of the step that cannot be right for this appeal, named as the request names it. */
    public record Invalid(String field, String reason) implements Verdict, Decision {
    }

    // --- a commissioner's and a unit leader's steps -------------------------------------------------------------

    /** Signing for it (签收): it is the caller's for good. A commissioner may not take it from another's live hold. */
    public Decision accept(Caller caller, Instant now) {
        return decide(firstOf(workableBy(caller), notHeldByAnother(caller, now), next(AppealAction.ACCEPT)),
                next -> new Taken(moved(next).heldBy(caller.username(), null), new AppealEvent.Accepted(caller.username()),
                        null, Visibility.PUBLIC));
    }

    /** A claim on a lease until {@code leaseEnds}: only while nobody has signed for it, and not from another's live hold. */
    public Decision claim(Caller caller, Instant now, Instant leaseEnds) {
        Verdict claimable = status == AppealStatus.DISPATCHED ? stays()
                : new NotNow("only an appeal that nobody has signed for can be claimed");
        return decide(firstOf(workableBy(caller), claimable, notHeldByAnother(caller, now), next(null)),
                next -> new Taken(heldBy(caller.username(), leaseEnds),
                        // the basis is the assignment's word for a claim a commissioner made themselves
                        new AppealEvent.Assigned(caller.username(), "CLAIMED", null), null, Visibility.INTERNAL));
    }

    /** The first contact with the enterprise (响应): handling has begun. */
    public Decision firstContact(Caller caller, String note) {
        return asHolder(caller, AppealAction.FIRST_CONTACT, new AppealEvent.FirstContact(), note, Visibility.PUBLIC);
    }

    /** The answer (答复), sent to the enterprise on its channel. */
    public Decision reply(Caller caller, String answer) {
        return asHolder(caller, AppealAction.REPLY, new AppealEvent.Replied(answer), null, Visibility.PUBLIC);
    }

    /**
     * A progress note (办理进展): by the unit's staff, or by a unit that helps with it ({@code callerUnitHelps});
     * a public note appears in the enterprise's timeline.
     */
    public Decision note(Caller caller, String text, boolean visibleToEnterprise, boolean callerUnitHelps) {
        Verdict scope = callerUnitHelps && isUnitStaff(caller) ? stays() : workableBy(caller);
        return decide(firstOf(scope, next(null)), next -> new Taken(this, new AppealEvent.Note(visibleToEnterprise), text,
                visibleToEnterprise ? Visibility.PUBLIC : Visibility.INTERNAL));
    }

    /** Transfer (转办) to another unit, which must sign for it afresh; only by whoever holds it. */
    public Decision transfer(Caller caller, String toUnit, String reason) {
        Verdict otherUnit = toUnit.equals(handlingUnit) ? new Invalid("toUnit", "The appeal is already with " + toUnit) : stays();
        return decide(firstOf(workableBy(caller), otherUnit, holder(caller), next(AppealAction.TRANSFER)),
                next -> new Taken(placedWith(toUnit, next), new AppealEvent.Transferred(toUnit), reason, Visibility.PUBLIC));
    }

    /**
     * Giving a misrouted appeal back to the dispatch centre (退单): only while the return window is open (the caller
     * says whether it is: the window is a clock), and only by whoever holds it.
     */
    public Decision giveBack(Caller caller, boolean returnWindowOpen, String reason) {
        Verdict window = returnWindowOpen ? stays()
                : new NotNow("the return window has closed: the unit must handle the appeal or transfer it");
        return decide(firstOf(workableBy(caller), window, holder(caller), next(AppealAction.RETURN)),
                next -> new Taken(moved(next).heldBy(null, null), new AppealEvent.Returned(), reason, Visibility.INTERNAL));
    }

    /** Asks for more working days on {@code clock}, which must be running (the caller says whether it is). */
    public Decision requestExtension(Caller caller, String clock, int workingDays, boolean clockRunning, String reason) {
        Verdict running = clockRunning ? stays() : new NotNow("no " + clock + " clock is running");
        return decide(firstOf(workableBy(caller), running, next(null)),
                next -> new Taken(this, new AppealEvent.ExtensionRequested(clock, workingDays), reason, Visibility.INTERNAL));
    }

    // --- the dispatch centre's steps ----------------------------------------------------------------------------

    /** Placed by a dispatcher with {@code unit} (the catalogue's choice for {@code category}, checked before). */
    public Decision dispatch(Caller caller, String unit, String category) {
        return decide(firstOf(dispatcher(caller), next(AppealAction.DISPATCH)),
                next -> new Taken(placedWith(unit, next), new AppealEvent.Dispatched(unit, category, "DISPATCHER", null),
                        "placed by a dispatcher", Visibility.PUBLIC));
    }

    /** A return refused: back to the unit that returned it, which must now handle it. */
    public Decision refuseReturn(Caller caller, String reason) {
        return decide(firstOf(dispatcher(caller), next(AppealAction.REFUSE_RETURN)),
                next -> new Taken(placedWith(handlingUnit, next), new AppealEvent.ReturnRefused(), reason, Visibility.INTERNAL));
    }

    /** A return accepted: re-dispatched (改派) to another unit than the one that returned it. */
    public Decision redispatch(Caller caller, String toUnit, String reason) {
        Verdict otherUnit = toUnit.equals(handlingUnit) ? new Invalid("toUnit",
                "The unit that returned it cannot get it back by re-dispatch; refuse the return instead") : stays();
        return decide(firstOf(dispatcher(caller), otherUnit, next(AppealAction.REDISPATCH)),
                next -> new Taken(placedWith(toUnit, next), new AppealEvent.Redispatched(toUnit), reason, Visibility.PUBLIC));
    }

    /** Co-handling (主办/协办): {@code unit} helps the lead unit; a dispatcher or the lead unit's leader decides. */
    public Decision addHelper(Caller caller, String unit) {
        boolean leadUnitLeader = caller.hasRole(UNIT_LEADER) && caller.unitCode() != null
                && Objects.equals(caller.unitCode(), handlingUnit);
        Verdict scope = caller.hasRole(DISPATCHER) || leadUnitLeader ? stays() : new Hidden("not the caller's to decide");
        Verdict otherUnit = unit.equals(handlingUnit) ? new Invalid("unit", "The lead unit cannot also help") : stays();
        return decide(firstOf(scope, otherUnit, next(null)),
                next -> new Taken(this, new AppealEvent.CoHandling(unit), null, Visibility.PUBLIC));
    }

    /** Joined to its parent as a duplicate (并单): nobody holds it any more; it will receive the parent's answer. */
    public Decision merge(Caller caller, String parentTrackingNo) {
        return decide(firstOf(dispatcher(caller), next(AppealAction.MERGE)),
                next -> new Taken(moved(next).heldBy(null, null), new AppealEvent.Merged(parentTrackingNo), null,
                        Visibility.PUBLIC));
    }

    // --- the enterprise's verdict and the return visit -------------------------------------------------------

    /**
     * The rating of the answer (好差评), recorded by {@code systemActor}'s rules: a good rating evaluates the appeal
     * and archives it (归档) at once when no return visit is due; a bad one opens rework (the unit answers again).
     * Which round it rates, and that a round is rated once, are the rating's own rows' business.
     */
    public Decision rate(AppealEvent.Rated rating, boolean returnVisitDue, String systemActor) {
        Verdict verdict = next(rating.good() ? AppealAction.RATE_GOOD : AppealAction.RATE_BAD);
        if (!(verdict instanceof Allowed allowed)) {
            return (Decision) verdict;
        }
        List<Happened> happened = new ArrayList<>();
        happened.add(new Happened(rating, null, Visibility.PUBLIC, null));
        if (!rating.good()) {
            happened.add(new Happened(new AppealEvent.ReworkOpened(rating.round()), null, Visibility.PUBLIC, systemActor));
        }
        return settled(moved(allowed.next()), happened, returnVisitDue, systemActor);
    }

    /**
     * A return visit's finding (回访), on any appeal that was answered; an evaluated appeal is archived once no
     * other round's visit is due ({@code anotherVisitDue}).
     */
    public Decision recordVisit(AppealEvent.ReturnVisited visit, String note, boolean anotherVisitDue) {
        List<Happened> happened = new ArrayList<>();
        happened.add(new Happened(visit, note, Visibility.PUBLIC, null));
        return settled(this, happened, anotherVisitDue, null);
    }

    /** An evaluated appeal with no return visit due is archived by whoever settled it. */
    private Taken settled(Appeal after, List<Happened> happened, boolean returnVisitDue, String actor) {
        if (after.status != AppealStatus.EVALUATED || returnVisitDue) {
            return new Taken(after, happened);
        }
        happened.add(new Happened(new AppealEvent.Closed(), null, Visibility.PUBLIC, actor));
        return new Taken(after.moved(((Allowed) after.next(AppealAction.CLOSE)).next()), happened);
    }

    // --- the rules the steps are made of ----------------------------------------------------------------------

    /** Commissioners and unit leaders work their own unit's appeals. */
    public Verdict workableBy(Caller caller) {
        return isUnitStaff(caller) && Objects.equals(caller.unitCode(), handlingUnit)
                ? stays() : new Hidden("not an appeal of the caller's unit");
    }

    /** Held by someone whose claim has not lapsed (a signed-for appeal's hold never lapses). */
    public boolean heldByOtherThan(String username, Instant now) {
        return assignee != null && !assignee.equals(username) && (claimExpiresAt == null || claimExpiresAt.isAfter(now));
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

    private Decision asHolder(Caller caller, AppealAction action, AppealEvent event, String text, Visibility visibility) {
        return decide(firstOf(workableBy(caller), holder(caller), next(action)),
                next -> new Taken(moved(next), event, text, visibility));
    }

    private static boolean isUnitStaff(Caller caller) {
        return (caller.hasRole(COMMISSIONER) || caller.hasRole(UNIT_LEADER)) && caller.unitCode() != null;
    }

    /** A commissioner works only what they hold; a unit leader may step in on any appeal of the unit. */
    private Verdict holder(Caller caller) {
        return caller.hasRole(COMMISSIONER) && assignee != null && !caller.username().equals(assignee)
                ? new NotNow("another commissioner has signed for this appeal") : stays();
    }

    private Verdict notHeldByAnother(Caller caller, Instant now) {
        return caller.hasRole(COMMISSIONER) && heldByOtherThan(caller.username(), now)
                ? new NotNow("another commissioner holds this appeal") : stays();
    }

    private static Verdict dispatcher(Caller caller) {
        return caller.hasRole(DISPATCHER) ? new Allowed(null) : new Hidden("only the dispatch centre places appeals");
    }

    private Allowed stays() {
        return new Allowed(status);
    }

    private Appeal moved(AppealStatus next) {
        return new Appeal(id, trackingNo, next, handlingUnit, assignee, claimExpiresAt);
    }

    private Appeal heldBy(String username, Instant claimLapsesAt) {
        return new Appeal(id, trackingNo, status, handlingUnit, username, claimLapsesAt);
    }

    /** With {@code unit}, in the unit's pool (nobody there holds it yet). */
    private Appeal placedWith(String unit, AppealStatus next) {
        return new Appeal(id, trackingNo, next, unit, null, null);
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

    private static Decision decide(Verdict verdict, Function<AppealStatus, Taken> taken) {
        if (verdict instanceof Allowed allowed) {
            return taken.apply(allowed.next());
        }
        return (Decision) verdict;
    }
}
