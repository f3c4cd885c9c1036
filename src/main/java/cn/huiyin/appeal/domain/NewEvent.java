package cn.huiyin.appeal.domain;

import java.time.Instant;

/** An event to append to an existing appeal; its place in the chain is decided when it is written. */
public record NewEvent(String type, String actor, Instant occurredAt, String reason, PlannedEvent.Visibility visibility,
        String payloadJson) {

    /** A typed event, its payload written by {@link AppealEventCodec}. */
    public static NewEvent of(AppealEvent event, String actor, Instant occurredAt, String reason,
            PlannedEvent.Visibility visibility) {
        return new NewEvent(event.type(), actor, occurredAt, reason, visibility, AppealEventCodec.payload(event));
    }
}
