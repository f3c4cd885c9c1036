package cn.huiyin.appeal.application;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import cn.huiyin.shared.outbox.OutboxMessage;

/**
 * Reads an outbox row back into its {@link AppealNotice}, so the handlers match on types, not on type names and
 * JSON keys. A row of a type this version does not know reads as empty; a row that cannot be read is a permanent
 * failure (retrying will not make it readable).
 */
@ApplicationScoped
public class AppealNotices {

    private static final Map<String, Class<? extends AppealNotice>> NOTICES = Map.of(
            "AppealReceived", AppealNotice.Received.class,
            "AppealAccepted", AppealNotice.Accepted.class,
            "AppealContacted", AppealNotice.Contacted.class,
            "AppealReplied", AppealNotice.Replied.class,
            "RatingRequested", AppealNotice.RatingRequested.class,
            "AppealRated", AppealNotice.Rated.class);

    /** The relayed ones carry their event's payload. */
    private static final Map<String, Class<? extends AppealEvent>> RELAYED = Map.of(
            "RatingContested", AppealEvent.RatingContested.class,
            "RatingReviewDecided", AppealEvent.RatingReviewDecided.class,
            "ReturnVisited", AppealEvent.ReturnVisited.class,
            "SlaEscalated", AppealEvent.Escalated.class);

    @Inject
    ObjectMapper json;

    public Optional<AppealNotice> read(OutboxMessage message) {
        try {
            Class<? extends AppealNotice> notice = NOTICES.get(message.eventType());
            if (notice != null) {
                return Optional.of(json.readValue(message.payload(), notice));
            }
            Class<? extends AppealEvent> event = RELAYED.get(message.eventType());
            return event == null ? Optional.empty()
                    : Optional.of(new AppealNotice.Relayed(message.eventType(), json.readValue(message.payload(), event)));
        } catch (Exception unreadable) { // malformed JSON, a missing or mistyped field alike
            throw new PermanentFailure("unreadable " + message.eventType() + " row " + message.id() + ": "
                    + unreadable.getMessage());
        }
    }

    /** The notice if the row is of that type and readable; a handler's {@code handles} asks this. */
    public <T extends AppealNotice> Optional<T> readAs(OutboxMessage message, Class<T> type) {
        try {
            return read(message).filter(type::isInstance).map(type::cast);
        } catch (PermanentFailure unreadable) {
            return Optional.empty();
        }
    }
}
