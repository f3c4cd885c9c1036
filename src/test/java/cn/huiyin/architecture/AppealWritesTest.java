package cn.huiyin.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The appeal row and the outbox are written in one place each, so a rule about them is found, and changed, there.
 * The sources are read as text: SQL lives in strings, which no class import shows.
 */
class AppealWritesTest {

    static final Pattern UPDATE_APPEAL = Pattern.compile("(?i)\\bUPDATE\\s+appeal\\b(?!_)");
    static final Pattern INSERT_OUTBOX = Pattern.compile("(?i)\\bINSERT\\s+INTO\\s+outbox\\b");

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final String STATE = "cn/huiyin/appeal/persistence/AppealStateRepository.java";
    /** Intake writes the appeal, its first events and its outbox row in one group-commit statement (the hot path). */
    private static final String INTAKE = "cn/huiyin/intake/persistence/IntakeRepository.java";

    private static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(
                    p -> MAIN.relativize(p).toString().replace('\\', '/'), AppealWritesTest::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> writers(Pattern statement, Map<String, String> sources) {
        return sources.entrySet().stream().filter(e -> statement.matcher(e.getValue()).find()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the_sources_are_read() {
        assertThat(sources()).containsKey(STATE).hasSizeGreaterThan(200);
    }

    @Test
    void only_the_appeal_state_repository_updates_the_appeal_row() {
        assertThat(writers(UPDATE_APPEAL, sources())).containsExactly(STATE);
    }

    @Test
    void outbox_rows_are_written_by_the_appeal_state_repository_and_intakes_group_commit() {
        assertThat(writers(INSERT_OUTBOX, sources())).containsExactlyInAnyOrder(STATE, INTAKE);
    }

    @Test
    void the_scan_finds_a_planted_writer_and_tells_the_appeal_table_from_its_neighbours() {
        Map<String, String> planted = Map.of(
                "a/Sneaky.java", "tx.preparedQuery(\"\"\"\n    update   appeal SET status = 'CLOSED'\"\"\")",
                "b/Clocks.java", "UPDATE appeal_clock SET stopped_at = $2",
                "c/Notices.java", "insert into OUTBOX (appeal_id) values ($1)",
                "d/Events.java", "INSERT INTO appeal_event (appeal_id) VALUES ($1)");
        assertThat(writers(UPDATE_APPEAL, planted)).containsExactly("a/Sneaky.java");
        assertThat(writers(INSERT_OUTBOX, planted)).containsExactly("c/Notices.java");
    }
}
