package cn.huiyin.appeal.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.shared.domain.JsonText;

/**
 * Writes an event's payload (and an outbox notice's): its record components in declaration order, as {@link JsonText} writes a flat object
 * (the text is hashed into the chain, so it must come out the same every time). Instants as ISO-8601, enums by name.
 */
public final class AppealEventCodec {

    private static final ClassValue<List<RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return Arrays.asList(type.getRecordComponents());
        }
    };

    private AppealEventCodec() {
    }

    /** The payload's fields in their stored order. */
    public static Map<String, Object> fields(AppealEvent event) {
        return components((Record) event);
    }

    /** An outbox row's payload: the notice's components, or a relayed event's own payload. */
    public static String payload(AppealNotice notice) {
        return notice instanceof AppealNotice.Relayed relayed ? payload(relayed.event()) : JsonText.object(components((Record) notice));
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            Object value = read(component, record);
            if (value == null && component.isAnnotationPresent(AppealEvent.OmittedWhenNull.class)) {
                continue;
            }
            fields.put(component.getName(), value instanceof Instant at ? at.toString()
                    : value instanceof Enum<?> e ? e.name() : value);
        }
        return fields;
    }

    /** The payload as stored in {@code appeal_event.payload}. */
    public static String payload(AppealEvent event) {
        return JsonText.object(fields(event));
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
