package cn.huiyin.appeal.application;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.appeal.domain.AppealEvent;

/**
 * Reads a stored event (its {@code appeal_event.type} and payload text) back into its {@link AppealEvent} record,
 * so the history's readers match on record types and read components, not type names and JSON keys; the reverse of
 * {@code AppealEventCodec.payload}. The history outlives the code that wrote it, so reading is lenient where that
 * is safe: a key no component has is ignored (a field dropped since), and a component the payload lacks reads as
 * null, or 0 / false for a number or flag. Everything else comes back as a result, never as an exception: a type
 * with no record is {@link Decoded.UnknownType}; a payload that is not a JSON object, holds a value of the wrong
 * kind, or says another type than the row is {@link Decoded.Unreadable}.
 */
public final class AppealEvents {

    /**
     * One mapper for every row (it caches what it learns of each record). Its own, so that stored history reads
     * the same whatever the application's JSON settings are.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** {@code SLA_<step>}: one record for every ladder step, the step being part of its payload. */
    private static final String ESCALATED = "SLA_";

    private static final Map<String, Class<? extends AppealEvent>> EVENTS = Map.ofEntries(
            Map.entry("RECEIVED", AppealEvent.Received.class),
            Map.entry("DISPATCHED", AppealEvent.Dispatched.class),
            Map.entry("AWAITING_DISPATCH", AppealEvent.AwaitingDispatch.class),
            Map.entry("ASSIGNED", AppealEvent.Assigned.class),
            Map.entry("CLAIM_EXPIRED", AppealEvent.ClaimExpired.class),
            Map.entry("ACCEPTED", AppealEvent.Accepted.class),
            Map.entry("FIRST_CONTACT", AppealEvent.FirstContact.class),
            Map.entry("NOTE", AppealEvent.Note.class),
            Map.entry("REPLIED", AppealEvent.Replied.class),
            Map.entry("REPLIED_WITH_PARENT", AppealEvent.RepliedWithParent.class),
            Map.entry("TRANSFERRED", AppealEvent.Transferred.class),
            Map.entry("RETURNED", AppealEvent.Returned.class),
            Map.entry("RETURN_REFUSED", AppealEvent.ReturnRefused.class),
            Map.entry("REDISPATCHED", AppealEvent.Redispatched.class),
            Map.entry("CO_HANDLING", AppealEvent.CoHandling.class),
            Map.entry("MERGED", AppealEvent.Merged.class),
            Map.entry("EXTENSION_REQUESTED", AppealEvent.ExtensionRequested.class),
            Map.entry("EXTENSION_REFUSED", AppealEvent.ExtensionRefused.class),
            Map.entry("EXTENDED", AppealEvent.Extended.class),
            Map.entry("SUPERVISION_ORDER_ISSUED", AppealEvent.SupervisionOrderIssued.class),
            Map.entry("SUPERVISION_ORDER_ANSWERED", AppealEvent.SupervisionOrderAnswered.class),
            Map.entry("SUPERVISION_ORDER_CLIMBED", AppealEvent.SupervisionOrderClimbed.class),
            Map.entry("SUPPLEMENTED", AppealEvent.Supplemented.class),
            Map.entry("PERSONAL_DATA_REVEALED", AppealEvent.PersonalDataRevealed.class),
            Map.entry("RATING_REQUESTED", AppealEvent.RatingRequested.class),
            Map.entry("RATED", AppealEvent.Rated.class),
            Map.entry("REWORK_OPENED", AppealEvent.ReworkOpened.class),
            Map.entry("CLOSED", AppealEvent.Closed.class),
            Map.entry("RETURN_VISITED", AppealEvent.ReturnVisited.class),
            Map.entry("RATING_CONTESTED", AppealEvent.RatingContested.class),
            Map.entry("RATING_REVIEW_DECIDED", AppealEvent.RatingReviewDecided.class));

    /** What a stored event reads as. */
    public sealed interface Decoded {

        /** The row read as its record. */
        record Read(AppealEvent event) implements Decoded {
        }

        /** A type this version has no record for (written by a newer version, or retired since). */
        record UnknownType(String type) implements Decoded {
        }

        /** A known type whose payload is not that record's; {@code problem} says why (it may quote the payload). */
        record Unreadable(String type, String problem) implements Decoded {
        }

        /** The event, when the row was read. */
        default Optional<AppealEvent> asEvent() {
            return this instanceof Read read ? Optional.of(read.event()) : Optional.empty();
        }
    }

    private AppealEvents() {
    }

    public static Decoded decode(String type, String payload) {
        Class<? extends AppealEvent> record = recordOf(type);
        if (record == null) {
            return new Decoded.UnknownType(type);
        }
        try {
            AppealEvent event = JSON.readValue(payload, record);
            if (event == null) {
                return new Decoded.Unreadable(type, "the payload is null");
            }
            event = withStepOf(type, event);
            return type.equals(event.type()) ? new Decoded.Read(event)
                    : new Decoded.Unreadable(type, "the payload is of type " + event.type());
        } catch (Exception unreadable) { // not JSON, not an object, a mistyped value, a record refusing its values
            return new Decoded.Unreadable(type, unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
        }
    }

    private static Class<? extends AppealEvent> recordOf(String type) {
        if (type == null) {
            return null;
        }
        return type.startsWith(ESCALATED) && type.length() > ESCALATED.length() ? AppealEvent.Escalated.class
                : EVENTS.get(type);
    }

    /** The row's type names the ladder step; a payload without one takes it from there. */
    private static AppealEvent withStepOf(String type, AppealEvent event) {
        if (event instanceof AppealEvent.Escalated escalated && escalated.step() == null) {
            return new AppealEvent.Escalated(escalated.clock(), type.substring(ESCALATED.length()), escalated.dueAt(),
                    escalated.recipients());
        }
        return event;
    }
}
