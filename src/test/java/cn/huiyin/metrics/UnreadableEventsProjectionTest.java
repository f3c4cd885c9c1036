package cn.huiyin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.metrics.application.MetricsProjector;
import cn.huiyin.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A stored event the projector cannot read (a type this version does not know, a payload that is not its type's)
 * moves no figure and does not stop the projection: the appeal's other events are folded.
 */
@QuarkusTest
class UnreadableEventsProjectionTest {

    @Inject
    MetricsFixture fixture;

    @Inject
    MetricsProjector projector;

    @Inject
    Database db;

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + ":00Z");
    }

    @Test
    void unreadable_events_move_no_figure_and_the_rest_is_folded() {
        String unit = fixture.newUnit();
        long id = fixture.appeal(unit, null, "TAX_SERVICE", "EVALUATED", at("01:00"));
        fixture.event(id, "RECEIVED", at("01:00"), Map.of("channel", "WEB"));
        fixture.event(id, "DISPATCHED", at("02:00"), Map.of("unit", unit));
        fixture.event(id, "CHATBOT_HANDOVER", at("02:05"), Map.of("unit", "ELSEWHERE"));
        fixture.event(id, "FIRST_CONTACT", at("02:10"), Map.of());
        fixture.event(id, "REPLIED", at("03:00"), Map.of("answer", "已答复"));
        fixture.event(id, "RATED", at("05:00"), Map.of("round", "one", "level", 1, "resolved", false));

        projector.projectAll().await().indefinitely();

        assertThat(db.count("SELECT applied_seq FROM metrics_appeal_fact WHERE appeal_id = $1", id))
                .as("every event counts as folded").isEqualTo(6);
        assertThat(db.count("""
                SELECT count(*) FROM metrics_appeal_fact WHERE appeal_id = $1 AND unit_code = $2
                    AND first_contact_at = '2026-03-02T02:10:00Z' AND replied_at = '2026-03-02T03:00:00Z'
                    AND rating_level IS NULL""", id, unit)).as("the readable events are folded; the rating is not")
                .isEqualTo(1);
    }
}
