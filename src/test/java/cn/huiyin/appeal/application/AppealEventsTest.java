package cn.huiyin.appeal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.application.AppealEvents.Decoded;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealEventCodec;

/** Every event type reads back from its stored row as the record that was written; what cannot be read is said so. */
class AppealEventsTest {

    /** A value for each component, different per component so that swapped fields would show. */
    private static Object value(RecordComponent component, int index, boolean sparse) {
        Class<?> type = component.getType();
        if (type == int.class) {
            return sparse ? 0 : 3 + index;
        }
        if (type == long.class) {
            return sparse ? 0L : 9_000_000_000L + index; // past int, so a narrowing reader would show
        }
        if (type == boolean.class) {
            return !sparse;
        }
        if (sparse) {
            return null;
        }
        if (type == Integer.class) {
            return 4 + index;
        }
        if (type == Boolean.class) {
            return Boolean.FALSE;
        }
        if (type == Double.class) {
            return 0.875;
        }
        if (type == String.class) {
            return "已办理 \"" + component.getName() + "\" \\ 第二行\n\t" + index;
        }
        throw new IllegalArgumentException("no sample for " + type + " of " + component);
    }

    private static AppealEvent sample(Class<?> type, boolean sparse) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], i, sparse);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return (AppealEvent) canonical.newInstance(values);
    }

    private static List<AppealEvent> everyType() throws ReflectiveOperationException {
        List<AppealEvent> samples = new ArrayList<>();
        for (Class<?> type : AppealEvent.class.getPermittedSubclasses()) {
            samples.add(sample(type, false));
            if (type != AppealEvent.Escalated.class) { // its type name is made of its step, which a row always has
                samples.add(sample(type, true));
            }
        }
        return samples;
    }

    @Test
    void every_event_type_reads_back_as_written() throws ReflectiveOperationException {
        List<AppealEvent> written = everyType();
        assertThat(written).hasSizeGreaterThan(2 * 20);
        for (AppealEvent event : written) {
            String payload = AppealEventCodec.payload(event);
            assertThat(AppealEvents.decode(event.type(), payload)).as(event.type() + " " + payload)
                    .isEqualTo(new Decoded.Read(event));
        }
    }

    @Test
    void each_ladder_step_reads_as_the_escalation_of_that_step() {
        for (String step : List.of("WARNING", "OVERDUE", "SUPERVISION")) {
            AppealEvent.Escalated escalated = new AppealEvent.Escalated("HANDLE", step, "2026-12-07T02:00:00Z",
                    "commissioner,unit-leader");
            assertThat(AppealEvents.decode("SLA_" + step, AppealEventCodec.payload(escalated)).asEvent())
                    .contains(escalated);
        }
    }

    @Test
    void a_type_this_version_does_not_know_reads_as_unknown() {
        assertThat(AppealEvents.decode("CLOCK_STOPPED", "{\"clock\":\"HANDLE\"}"))
                .isEqualTo(new Decoded.UnknownType("CLOCK_STOPPED"));
        assertThat(AppealEvents.decode("SLA_", "{}")).isInstanceOf(Decoded.UnknownType.class);
        assertThat(AppealEvents.decode(null, "{}").asEvent()).isEmpty();
    }

    @Test
    void a_payload_that_is_not_the_types_record_reads_as_unreadable() {
        List<String[]> broken = List.of(
                new String[] { "REPLIED", "{\"answer\":" },
                new String[] { "REPLIED", "" },
                new String[] { "REPLIED", null },
                new String[] { "CLOSED", "null" },
                new String[] { "TRANSFERRED", "[\"MT1\"]" },
                new String[] { "RATED", "{\"round\":\"two\",\"level\":5}" },
                new String[] { "RATED", "{\"round\":1,\"level\":{\"value\":5}}" },
                new String[] { "SLA_OVERDUE", "{\"clock\":\"HANDLE\",\"step\":\"WARNING\"}" });
        for (String[] row : broken) {
            Decoded decoded = AppealEvents.decode(row[0], row[1]);
            assertThat(decoded).as(row[0] + " " + row[1]).isInstanceOf(Decoded.Unreadable.class);
            assertThat(((Decoded.Unreadable) decoded).type()).isEqualTo(row[0]);
            assertThat(decoded.asEvent()).isEmpty();
        }
    }

    @Test
    void keys_no_component_has_are_ignored_and_missing_ones_read_as_empty() {
        assertThat(AppealEvents.decode("TRANSFERRED", "{\"fromUnit\":\"SAMR\",\"toUnit\":\"TAX\"}").asEvent())
                .contains(new AppealEvent.Transferred("TAX"));
        assertThat(AppealEvents.decode("DISPATCHED", "{\"unit\":\"TAX\"}").asEvent())
                .contains(new AppealEvent.Dispatched("TAX", null, null, null));
        assertThat(AppealEvents.decode("RETURN_VISITED", "{\"outcome\":\"REACHED\",\"resolved\":true,\"overturned\":true}")
                .asEvent()).contains(new AppealEvent.ReturnVisited(0, "REACHED", true, null, true, false, null));
        assertThat(AppealEvents.decode("SLA_OVERDUE", "{\"clock\":\"RESPOND\"}").asEvent())
                .as("the step comes from the row's type").contains(new AppealEvent.Escalated("RESPOND", "OVERDUE", null, null));
    }
}
