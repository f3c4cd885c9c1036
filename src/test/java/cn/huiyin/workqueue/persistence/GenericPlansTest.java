package cn.huiyin.workqueue.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The work-queue page's lists are read on connections where PostgreSQL keeps one generic plan per statement, never
 * planning a read for its values: on the service's own connections it would, for every page, whenever a plan for
 * the values looks cheaper.
 */
@QuarkusTest
class GenericPlansTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    @ReactiveDataSource("generic-plans")
    Pool genericPlans;

    @Inject
    Pool pool;

    @Test
    void a_list_read_many_times_is_never_planned_for_its_values() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Tuple firstPage = Tuple.of("ECO", now, OffsetDateTime.parse("1970-01-01T00:00:00Z")).addLong(0L).addInteger(51);
        Row plans = genericPlans.withConnection(connection -> {
            var runs = connection.preparedQuery(PageReads.POOL_BY_DEADLINE).execute(firstPage);
            for (int i = 1; i < 8; i++) {
                runs = runs.chain(() -> connection.preparedQuery(PageReads.POOL_BY_DEADLINE).execute(firstPage));
            }
            return runs.chain(() -> connection.preparedQuery(
                    "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1")
                    .execute(Tuple.of(PageReads.POOL_BY_DEADLINE)))
                    .map(rows -> rows.iterator().next());
        }).await().atMost(PATIENCE);

        assertThat(plans.getLong("generic_plans")).isGreaterThanOrEqualTo(8);
        assertThat(plans.getLong("custom_plans")).isZero();
    }

    @Test
    void only_the_list_reads_connections_keep_generic_plans_and_never_start_parallel_workers() {
        assertThat(setting(genericPlans, "plan_cache_mode")).isEqualTo("force_generic_plan");
        assertThat(setting(genericPlans, "max_parallel_workers_per_gather")).isEqualTo("0");
        assertThat(setting(pool, "plan_cache_mode")).isEqualTo("auto");
        assertThat(setting(pool, "max_parallel_workers_per_gather")).isNotEqualTo("0");
    }

    private static String setting(Pool on, String name) {
        return on.preparedQuery("SELECT current_setting($1)").execute(Tuple.of(name)).await().atMost(PATIENCE)
                .iterator().next().getString(0);
    }
}
