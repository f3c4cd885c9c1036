package cn.huiyin.hotspot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo run's hot spots: the appeals the seeder files through the intake stream are placed like any others and
 * each problem's make one hot spot; filing again in the same month files nothing twice.
 */
@QuarkusTest
class HotSpotDemoSeederTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    HotSpotDemoSeeder seeder;

    @Inject
    HotSpots hotSpots;

    @Inject
    Database db;

    @Test
    void the_demo_appeals_make_a_hot_spot_of_each_problem_once_a_month() {
        seeder.seed().await().atMost(PATIENCE);
        seeder.seed().await().atMost(PATIENCE);
        assertThat(db.count("SELECT count(*) FROM appeal WHERE dedupe_key LIKE 'WEB:demo-hotspot-%'")).isEqualTo(10);
        assertThat(db.string("SELECT string_agg(DISTINCT handling_unit, ',') FROM appeal "
                + "WHERE dedupe_key LIKE 'WEB:demo-hotspot-%' AND category = 'LOCAL'")).isEqualTo("ST-CHEBEI");

        await().atMost(PATIENCE).until(() -> hotSpots.refresh().await().atMost(PATIENCE) >= 0);

        // each problem's appeals are in one hot spot (the tax one may share it with the suite's own 授信额度 appeals)
        assertThat(db.string("""
                SELECT string_agg(a.category || ':' || n, ',' ORDER BY a.category) FROM (
                    SELECT a.category, count(DISTINCT m.hotspot_id) || '/' || count(m.appeal_id) AS n
                    FROM appeal a LEFT JOIN hotspot_appeal m ON m.appeal_id = a.id
                    WHERE a.dedupe_key LIKE 'WEB:demo-hotspot-%' GROUP BY a.category) a""")).isEqualTo(
                "GOV_SERVICE:1/3,LOCAL:1/3,TAX_SERVICE:1/4");
    }
}
