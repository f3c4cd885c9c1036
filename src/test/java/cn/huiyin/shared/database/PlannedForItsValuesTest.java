package cn.huiyin.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** On the service's own pool: a marked statement is never kept prepared on the server, any other one is. */
@QuarkusTest
class PlannedForItsValuesTest {

    private static final String KEPT = "SELECT count(*) FROM appeal WHERE tracking_no <> $1";

    private static final String MARKED = PlannedForItsValues.sql("SELECT count(*) FROM appeal WHERE tracking_no <> $1 /* marked */");

    @Inject
    Pool pool;

    @Test
    void the_pool_keeps_a_statement_prepared_but_not_one_planned_for_its_values() {
        List<String> prepared = pool.withConnection(connection -> connection.preparedQuery(KEPT).execute(Tuple.of("x"))
                .chain(() -> connection.preparedQuery(MARKED).execute(Tuple.of("x")))
                .chain(() -> connection.preparedQuery(MARKED).execute(Tuple.of("y")))
                .chain(() -> connection.query("SELECT statement FROM pg_prepared_statements").execute())
                .map(rows -> {
                    List<String> statements = new ArrayList<>();
                    for (Row row : rows) {
                        statements.add(row.getString("statement"));
                    }
                    return statements;
                }))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(prepared).contains(KEPT).noneMatch(statement -> statement.contains("marked"));
    }

    @Test
    void a_marked_statement_says_so_at_its_start() {
        assertThat(PlannedForItsValues.marked(MARKED)).isTrue();
        assertThat(PlannedForItsValues.marked(KEPT)).isFalse();
    }
}
