package cn.huiyin.appeal.domain;

/**
 * What an appeal's change tells those who act after the commit (the outbox relay's handlers: notices to the
 * enterprise, assignment, metrics). One record per outbox type; its components are the row's payload, in order.
 */
public sealed interface AppealNotice {

    /** The outbox row's {@code event_type}, e.g. {@code AppealReplied}. */
    String type();

    /** A new appeal is stored (and dispatched, when {@code unit} is set). */
    record Received(String trackingNo, String channel, String status, String unit, String category, String appealType,
            boolean urgent, String receivedAt) implements AppealNotice {
        public String type() {
            return "AppealReceived";
        }
    }

    record Accepted(String assignee, String trackingNo, String channel, String status) implements AppealNotice {
        public String type() {
            return "AppealAccepted";
        }
    }

    record Contacted(String trackingNo, String channel, String status) implements AppealNotice {
        public String type() {
            return "AppealContacted";
        }
    }

    /** The unit answered; {@code parent} is set when a merged child receives its parent's answer. */
    record Replied(String answer, @AppealEvent.OmittedWhenNull String parent, String trackingNo, String channel,
            String status) implements AppealNotice {
        public String type() {
            return "AppealReplied";
        }
    }

    /** Ask the appellant to rate round {@code round}; the link expires at {@code linkExpiresAt} (epoch seconds). */
    record RatingRequested(String trackingNo, String channel, int round, long linkExpiresAt) implements AppealNotice {
        public String type() {
            return "RatingRequested";
        }
    }

    record Rated(String trackingNo, String channel, int round, int level, boolean good, boolean defaulted)
            implements AppealNotice {
        public String type() {
            return "AppealRated";
        }
    }

    /** An event passed on as it is: its payload is the event's. */
    record Relayed(String type, AppealEvent event) implements AppealNotice {

        public static Relayed contested(AppealEvent.RatingContested event) {
            return new Relayed("RatingContested", event);
        }

        public static Relayed reviewDecided(AppealEvent.RatingReviewDecided event) {
            return new Relayed("RatingReviewDecided", event);
        }

        public static Relayed visited(AppealEvent.ReturnVisited event) {
            return new Relayed("ReturnVisited", event);
        }

        public static Relayed escalated(AppealEvent.Escalated event) {
            return new Relayed("SlaEscalated", event);
        }
    }
}
