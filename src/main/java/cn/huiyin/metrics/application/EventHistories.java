package cn.huiyin.metrics.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.huiyin.appeal.application.AppealEvents;
import cn.huiyin.appeal.application.AppealEvents.Decoded;
import cn.huiyin.metrics.domain.StoredEvent;
import cn.huiyin.metrics.persistence.ProjectionRepository.EventRow;

/**
 * The appeals' stored events as the folder takes them: each payload decoded once into its typed event
 * ({@link AppealEvents}). A row that cannot be read stays in its history without an event (it moves no figure, its
 * seq still counts as folded) and is tallied by type, for the projector's log line.
 */
final class EventHistories {

    private final Map<Long, List<StoredEvent>> byAppeal = new HashMap<>();
    private final Map<String, Integer> unknownTypes = new TreeMap<>();
    private final Map<String, Integer> unreadable = new TreeMap<>();

    private EventHistories() {
    }

    static EventHistories decode(List<EventRow> rows) {
        EventHistories histories = new EventHistories();
        for (EventRow row : rows) {
            Decoded decoded = AppealEvents.decode(row.type(), row.payload());
            if (decoded instanceof Decoded.UnknownType) {
                histories.unknownTypes.merge(String.valueOf(row.type()), 1, Integer::sum);
            } else if (decoded instanceof Decoded.Unreadable) {
                histories.unreadable.merge(row.type(), 1, Integer::sum);
            }
            histories.byAppeal.computeIfAbsent(row.appealId(), id -> new ArrayList<>()).add(decoded.asEvent()
                    .map(event -> new StoredEvent(row.seq(), row.occurredAt(), event))
                    .orElseGet(() -> StoredEvent.unread(row.seq(), row.occurredAt())));
        }
        return histories;
    }

    /** The appeal's events in seq order; empty when it has none. */
    List<StoredEvent> of(long appealId) {
        return byAppeal.getOrDefault(appealId, List.of());
    }

    /** Rows of a type this version has no record for, by type. */
    Map<String, Integer> unknownTypes() {
        return unknownTypes;
    }

    /** Rows of a known type whose payload is not that type's, by type. */
    Map<String, Integer> unreadable() {
        return unreadable;
    }
}
