package cn.huiyin.workqueue.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The work queue's pages (the commissioner's lists and the API's queue) are read on connections where PostgreSQL
 * keeps one generic plan per statement, never planning a read for its values: on the service's own connections it
 * would, for every page, whenever a plan for the values looks cheaper (ADR 0013).
 */
@QuarkusTest
class GenericPlansTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final int RUNS = 8;

    @Inject
    @ReactiveDataSource("generic-plans")
    Pool genericPlans;

    @Inject
    Pool pool;

    @Test
    void a_list_of_the_page_read_many_times_is_never_planned_for_its_values() {
        Row plans = plansAfterRuns(PageReads.POOL_BY_DEADLINE, Tuple.of("ECO", OffsetDateTime.now(ZoneOffset.UTC),
                OffsetDateTime.parse("1970-01-01T00:00:00Z")).addLong(0L).addInteger(51));

        assertThat(plans.getLong("generic_plans")).isGreaterThanOrEqualTo(RUNS);
        assertThat(plans.getLong("custom_plans")).isZero();
    }

    @Test
    void the_apis_riskiest_first_page_read_many_times_is_never_planned_for_its_values() {
        assertThat(QueueReads.WITH_RISK).as("longer than the client keeps prepared by default").hasSizeGreaterThan(2_048);
        Row plans = plansAfterRuns(QueueReads.WITH_RISK, Tuple.of("ECO", BigDecimal.valueOf(2), 0L, 21));

        assertThat(plans.getLong("generic_plans")).isGreaterThanOrEqualTo(RUNS);
        assertThat(plans.getLong("custom_plans")).isZero();
    }

    @Test
    void only_these_reads_connections_keep_generic_plans_and_never_start_parallel_workers() {
        assertThat(setting(genericPlans, "plan_cache_mode")).isEqualTo("force_generic_plan");
        assertThat(setting(genericPlans, "max_parallel_workers_per_gather")).isEqualTo("0");
        assertThat(setting(pool, "plan_cache_mode")).isEqualTo("auto");
        assertThat(setting(pool, "max_parallel_workers_per_gather")).isNotEqualTo("0");
    }

    /** How PostgreSQL planned {@code sql} after {@link #RUNS} runs on one of those connections. */
    private Row plansAfterRuns(String sql, Tuple arguments) {
        return genericPlans.withConnection(connection -> {
            Uni<RowSet<Row>> runs = connection.preparedQuery(sql).execute(arguments);
            for (int i = 1; i < RUNS; i++) {
                runs = runs.chain(() -> connection.preparedQuery(sql).execute(arguments));
            }
            return runs.chain(() -> connection.preparedQuery(
                    "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1")
                    .execute(Tuple.of(sql)))
                    .map(rows -> rows.iterator().next());
        }).await().atMost(PATIENCE);
    }

    private static String setting(Pool on, String name) {
        return on.preparedQuery("SELECT current_setting($1)").execute(Tuple.of(name)).await().atMost(PATIENCE)
                .iterator().next().getString(0);
    }
}
