package cn.huiyin.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's package table names real packages and types: a class renamed, moved or deleted without the
 * table following fails here.
 */
class ArchitectureDocTest {

    private static final Path DOC = Path.of("docs", "architecture.md");
    private static final Path MAIN = Path.of("src", "main", "java", "cn", "huiyin");
    /** A type's name in backticks, maybe behind a package part: `AppealRecords`, `persistence.FollowerWindowRepository`. */
    private static final Pattern TYPE = Pattern.compile("`(?:[a-z]+\\.)*([A-Z][A-Za-z0-9]+)`");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z][A-Za-z0-9]+)");
    /** A type the code imports (e.g. {@code java.time.Clock}) or a name it spells as a string (an outbox event type). */
    private static final Pattern USED = Pattern.compile("^import [\\w.]+\\.([A-Z]\\w*);|\"([A-Z][A-Za-z0-9]+)\"", Pattern.MULTILINE);

    record Row(String capability, String layer, Set<String> types) {
    }

    static List<Row> packageTable(String markdown) {
        String section = markdown.substring(markdown.indexOf("## Package layout"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        List<Row> rows = new ArrayList<>();
        String capability = null;
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| ") || cells.length < 4 || line.startsWith("| ---") || line.startsWith("| capability")) {
                continue;
            }
            String named = cells[1].strip().replace("`", "");
            capability = named.isEmpty() ? capability : named;
            Set<String> types = new LinkedHashSet<>();
            Matcher m = TYPE.matcher(cells[3]);
            while (m.find()) {
                types.add(m.group(1));
            }
            rows.add(new Row(capability, cells[2].strip().replace("`", ""), types));
        }
        return rows;
    }

    private static Set<String> namesInTheCode() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            Set<String> names = new LinkedHashSet<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = DECLARATION.matcher(source);
                while (m.find()) {
                    names.add(m.group(1));
                }
                Matcher used = USED.matcher(source);
                while (used.find()) {
                    names.add(used.group(1) != null ? used.group(1) : used.group(2));
                }
            }
            return names;
        }
    }

    @Test
    void every_type_the_package_table_names_exists() throws IOException {
        List<Row> rows = packageTable(Files.readString(DOC));
        assertThat(rows).hasSizeGreaterThan(40);
        Set<String> declared = namesInTheCode();
        Set<String> missing = rows.stream().flatMap(r -> r.types().stream()).filter(t -> !declared.contains(t))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(missing).as("types named in docs/architecture.md's package table but not in the code").isEmpty();
    }

    @Test
    void every_capability_and_layer_of_the_table_is_a_package() {
        List<Row> rows;
        try {
            rows = packageTable(Files.readString(DOC));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Row row : rows) {
            Path capability = MAIN.resolve(row.capability().replace('.', '/'));
            assertThat(capability).as(row.capability()).isDirectory();
            String layer = row.layer().replaceAll("\\s*\\(.*\\)", "").strip();
            if (!layer.isEmpty()) {
                assertThat(capability.resolve(layer)).as(row.capability() + " " + row.layer()).isDirectory();
            }
        }
    }

    @Test
    void a_renamed_type_would_be_reported() {
        String doc = "## Package layout\n\n| capability | layer | what lives there |\n| --- | --- | --- |\n"
                + "| `appeal` | `domain` | `AppealStatus`, `NoSuchThing` (gone) |\n\n## Next\n";
        List<Row> rows = packageTable(doc);
        assertThat(rows).containsExactly(new Row("appeal", "domain", Set.of("AppealStatus", "NoSuchThing")));
    }
}
