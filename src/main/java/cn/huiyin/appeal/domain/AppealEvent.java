package cn.huiyin.appeal.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What can happen to an appeal, one record per event type. A record's components are its payload, in the order
 * they are stored (the payload text is hashed into the appeal's chain, so the order is part of the record);
 * {@link AppealEventCodec} writes them. {@link #type()} is the name stored in {@code appeal_event.type}.
 */
public sealed interface AppealEvent {

    /** The stored type name, e.g. {@code REPLIED}. */
    String type();

    /** A component left out of the payload when it is null (other nulls are written as {@code null}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface OmittedWhenNull {
    }

    // intake

    /** The appeal came in on a channel (WEB, PHONE, WECHAT). */
    record Received(String channel) implements AppealEvent {
        public String type() {
            return "RECEIVED";
        }
    }

    /**
     * Placed with a unit: by intake (catalogue or classifier) or a dispatcher. {@code routedBy} CATALOGUE, CLASSIFIER
     * or DISPATCHER; {@code confidence} the classifier's, when it ranked the categories.
     */
    record Dispatched(String unit, String category, String routedBy, @OmittedWhenNull Double confidence) implements AppealEvent {
        public String type() {
            return "DISPATCHED";
        }
    }

    /** Nobody could place it: it waits for a dispatcher. */
    record AwaitingDispatch(String category, String routedBy, @OmittedWhenNull Double confidence) implements AppealEvent {
        public String type() {
            return "AWAITING_DISPATCH";
        }
    }

    // the unit's steps

    record Assigned(String assignee, String basis, @OmittedWhenNull String claimExpiresAt) implements AppealEvent {
        public String type() {
            return "ASSIGNED";
        }
    }

    record ClaimExpired(String assignee) implements AppealEvent {
        public String type() {
            return "CLAIM_EXPIRED";
        }
    }

    record Accepted(String assignee) implements AppealEvent {
        public String type() {
            return "ACCEPTED";
        }
    }

    record FirstContact() implements AppealEvent {
        public String type() {
            return "FIRST_CONTACT";
        }
    }

    record Note(boolean visibleToEnterprise) implements AppealEvent {
        public String type() {
            return "NOTE";
        }
    }

    record Replied(String answer) implements AppealEvent {
        public String type() {
            return "REPLIED";
        }
    }

    /** A merged child receives its parent's answer. */
    record RepliedWithParent(String answer, String parent) implements AppealEvent {
        public String type() {
            return "REPLIED_WITH_PARENT";
        }
    }

    record Transferred(String toUnit) implements AppealEvent {
        public String type() {
            return "TRANSFERRED";
        }
    }

    /** The unit gave a misrouted appeal back to the dispatch centre (退单). */
    record Returned() implements AppealEvent {
        public String type() {
            return "RETURNED";
        }
    }

    record ReturnRefused() implements AppealEvent {
        public String type() {
            return "RETURN_REFUSED";
        }
    }

    record Redispatched(String toUnit) implements AppealEvent {
        public String type() {
            return "REDISPATCHED";
        }
    }

    /** Another unit helps (协办). */
    record CoHandling(String unit) implements AppealEvent {
        public String type() {
            return "CO_HANDLING";
        }
    }

    record Merged(String parent) implements AppealEvent {
        public String type() {
            return "MERGED";
        }
    }

    record ExtensionRequested(String clock, int workingDays) implements AppealEvent {
        public String type() {
            return "EXTENSION_REQUESTED";
        }
    }

    record ExtensionRefused(String clock) implements AppealEvent {
        public String type() {
            return "EXTENSION_REFUSED";
        }
    }

    // clocks

    record Extended(String clock, int workingDays, String dueAt) implements AppealEvent {
        public String type() {
            return "EXTENDED";
        }
    }

    /** A ladder step fired: {@code step} WARNING, OVERDUE or SUPERVISION (the type is {@code SLA_<step>}). */
    record Escalated(String clock, String step, String dueAt, String recipients) implements AppealEvent {
        public String type() {
            return "SLA_" + step;
        }
    }

    // supervision orders (督办单): internal, never shown to the enterprise

    /**
     * The district centre issued order {@code orderId} to {@code unit}, to be answered by {@code replyDueAt}; the
     * demand, as the supervisor wrote it, is the event's reason.
     */
    record SupervisionOrderIssued(long orderId, String unit, String replyDueAt) implements AppealEvent {
        public String type() {
            return "SUPERVISION_ORDER_ISSUED";
        }
    }

    /** The unit's leader answered order {@code orderId}, by its deadline or not; the explanation is the reason. */
    record SupervisionOrderAnswered(long orderId, boolean onTime) implements AppealEvent {
        public String type() {
            return "SUPERVISION_ORDER_ANSWERED";
        }
    }

    /** Unanswered at its deadline {@code replyDueAt}, order {@code orderId} climbed to {@code to} (DISTRICT_LEADER). */
    record SupervisionOrderClimbed(long orderId, String to, String replyDueAt) implements AppealEvent {
        /** The one rung above a unit's leader today. */
        public static final String DISTRICT_LEADER = "DISTRICT_LEADER";

        public String type() {
            return "SUPERVISION_ORDER_CLIMBED";
        }
    }

    // the enterprise and the record

    /** The appellant added to the appeal (WeChat follow-up): {@code kind} text, image or voice. */
    record Supplemented(String kind, String content) implements AppealEvent {
        public String type() {
            return "SUPPLEMENTED";
        }
    }

    record PersonalDataRevealed(String field) implements AppealEvent {
        public String type() {
            return "PERSONAL_DATA_REVEALED";
        }
    }

    // evaluation

    record RatingRequested(int round) implements AppealEvent {
        public String type() {
            return "RATING_REQUESTED";
        }
    }

    record Rated(int round, int level, boolean resolved, boolean defaulted, boolean good, @OmittedWhenNull String comment,
            String summary) implements AppealEvent {
        public String type() {
            return "RATED";
        }
    }

    record ReworkOpened(int round) implements AppealEvent {
        public String type() {
            return "REWORK_OPENED";
        }
    }

    record Closed() implements AppealEvent {
        public String type() {
            return "CLOSED";
        }
    }

    record ReturnVisited(int round, String outcome, Boolean resolved, Integer level, boolean overturned,
            boolean unresolvedClosure, String summary) implements AppealEvent {
        public String type() {
            return "RETURN_VISITED";
        }
    }

    record RatingContested(int round, String reason) implements AppealEvent {
        public String type() {
            return "RATING_CONTESTED";
        }
    }

    record RatingReviewDecided(int round, boolean upheld, boolean excludedFromMetrics) implements AppealEvent {
        public String type() {
            return "RATING_REVIEW_DECIDED";
        }
    }
}
