package cn.huiyin.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.application.MetricsProjector;
import cn.huiyin.metrics.application.OperatorGauges;
import io.quarkus.test.junit.QuarkusTest;

/** Operators read intake, open, overdue and projector gauges on /q/metrics. */
@QuarkusTest
class OperatorGaugesTest {

    @Inject
    MetricsFixture fixture;

    @Inject
    MetricsProjector projector;

    @Inject
    OperatorGauges gauges;

    @Test
    void open_and_overdue_appeals_and_the_projector_show_as_gauges() {
        String unit = fixture.newUnit();
        long id = fixture.appeal(unit, null, "TAX_SERVICE", "DISPATCHED", Instant.parse("2026-04-01T01:00:00Z"));
        fixture.clock(id, "HANDLE", Instant.parse("2026-04-01T01:10:00Z"), Instant.parse("2026-04-03T10:00:00Z"));
        fixture.event(id, "RECEIVED", Instant.parse("2026-04-01T01:00:00Z"), Map.of("channel", "WEB"));
        fixture.event(id, "DISPATCHED", Instant.parse("2026-04-01T01:10:00Z"), Map.of("unit", unit));
        projector.projectAll().await().indefinitely();
        gauges.refresh().await().indefinitely();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("huiyin_appeals_open{state=\"DISPATCHED\"}"))
                .body(containsString("huiyin_appeals_overdue{age=\"OVER_7_DAYS\"}"))
                .body(containsString("huiyin_metrics_projector_pending_events"))
                .body(containsString("huiyin_metrics_projector_lag_seconds"));
    }
}
