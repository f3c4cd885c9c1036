package cn.huiyin.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.feed.domain.CloudEventTypes;

/** docs/events.md lists exactly the event types integrators can receive, each with its payload's fields in order. */
class EventsDocTest {

    private static final String TABLE = "| `type` (`cn.huiyin.appeal.…`) |";

    /** CloudEvents type suffix → payload fields ({@code name} or {@code name?} when left out if empty). */
    static Map<String, String> fromTheTypes() {
        Map<String, String> types = new TreeMap<>();
        for (Class<?> type : AppealEvent.class.getPermittedSubclasses()) {
            String fields = Arrays.stream(type.getRecordComponents())
                    .map(c -> c.getName() + (c.isAnnotationPresent(AppealEvent.OmittedWhenNull.class) ? "?" : ""))
                    .collect(Collectors.joining(", "));
            for (String stored : storedNames(type)) {
                types.put(CloudEventTypes.of(stored).substring(CloudEventTypes.PREFIX.length()), fields);
            }
        }
        return types;
    }

    /** The stored names a record is written under: one, or one per ladder step for an escalation. */
    private static java.util.List<String> storedNames(Class<?> type) {
        if (type == AppealEvent.Escalated.class) {
            return java.util.List.of("SLA_WARNING", "SLA_OVERDUE", "SLA_SUPERVISION");
        }
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] zeros = Arrays.stream(parameters).map(p -> p == int.class ? (Object) 0
                    : p == long.class ? (Object) 0L : p == boolean.class ? (Object) false : null).toArray();
            return java.util.List.of(((AppealEvent) type.getDeclaredConstructor(parameters).newInstance(zeros)).type());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> documented() throws IOException {
        String doc = Files.readString(Path.of("docs/events.md"));
        Map<String, String> types = new TreeMap<>();
        for (String line : doc.substring(doc.indexOf(TABLE)).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            String fields = cells[3].trim().equals("—") ? "" : cells[3].trim().replace("`", "");
            for (String type : cells[1].trim().replace("`", "").split(", ")) {
                types.put(type, fields);
            }
        }
        return types;
    }

    @Test
    void the_documented_types_and_payloads_are_the_events_types() throws IOException {
        assertThat(documented()).isEqualTo(fromTheTypes());
    }
}
