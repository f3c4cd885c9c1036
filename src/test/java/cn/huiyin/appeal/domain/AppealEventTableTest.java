package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Every event type has a label, and docs/architecture.md's event table lists exactly the types of the sealed
 * {@link AppealEvent}, each with its label, record and payload keys in stored order.
 */
class AppealEventTableTest {

    private static final List<String> LADDER = List.of("WARNING", "OVERDUE", "SUPERVISION");

    record Line(String type, String label, String record, String payload) {
    }

    /** The table the types say there should be. */
    static List<Line> expected() {
        List<Line> lines = new ArrayList<>();
        for (Class<?> type : AppealEvent.class.getPermittedSubclasses()) {
            RecordComponent[] components = type.getRecordComponents();
            String payload = "`{" + Arrays.stream(components)
                    .map(c -> "\"" + c.getName() + (c.isAnnotationPresent(AppealEvent.OmittedWhenNull.class) ? "?" : "") + "\"")
                    .collect(Collectors.joining(", ")) + "}`";
            List<String> names = type == AppealEvent.Escalated.class
                    ? LADDER.stream().map(step -> "SLA_" + step).toList()
                    : List.of(sample(type).type());
            for (String name : names) {
                lines.add(new Line(name, AppealEventLabels.of(name), type.getSimpleName(), payload));
            }
        }
        return lines;
    }

    /** An instance with default values, for its type name. */
    private static AppealEvent sample(Class<?> type) {
        try {
            Class<?>[] parameters = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Object[] values = Arrays.stream(parameters).map(p -> p == int.class ? (Object) 0
                    : p == long.class ? (Object) 0L : p == boolean.class ? (Object) false : null).toArray();
            return (AppealEvent) type.getDeclaredConstructor(parameters).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Line> documented(String markdown) {
        String section = markdown.substring(markdown.indexOf("| type | label | record"));
        List<Line> lines = new ArrayList<>();
        for (String row : section.split("\n")) {
            if (!row.startsWith("| `")) {
                if (!lines.isEmpty()) {
                    break;
                }
                continue;
            }
            String[] cells = row.split(" \\| ");
            lines.add(new Line(cells[0].replace("| ", "").replace("`", ""), cells[1], cells[2].replace("`", ""), cells[3]));
        }
        return lines;
    }

    @Test
    void every_event_type_has_a_chinese_label() {
        assertThat(expected()).hasSize(34).allSatisfy(line -> assertThat(AppealEventLabels.knows(line.type()))
                .as(line.type()).isTrue());
    }

    @Test
    void the_documented_event_table_matches_the_types() throws IOException {
        List<Line> documented = documented(Files.readString(Path.of("docs", "architecture.md")));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected());
    }

    @Test
    void a_table_that_drifted_would_fail() {
        String drifted = "| type | label | record (x) | payload | written by |\n| --- | --- | --- | --- | --- |\n"
                + "| `CLOSED` | 已归档 | `Closed` | `{}` | archiving |\n"
                + "| `REPLIED` | 已答复 | `Replied` | `{\"text\"}` | reply |\n\nafter\n";
        assertThat(documented(drifted)).contains(new Line("CLOSED", "已归档", "Closed", "`{}`"))
                .doesNotContainAnyElementsOf(expected().stream().filter(l -> l.type().equals("REPLIED")).toList());
    }
}
