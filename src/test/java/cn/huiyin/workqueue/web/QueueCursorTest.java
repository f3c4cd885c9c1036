package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiyin.shared.web.ProblemException;

/** Where the next page of the API's work queue starts. */
class QueueCursorTest {

    @Test
    void the_first_page_starts_before_every_deadline() {
        assertThat(QueueCursor.afterDue(null)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void a_page_goes_on_after_the_last_items_deadline() {
        assertThat(QueueCursor.afterDue("2026-12-09T10:00:00Z")).isEqualTo(Instant.parse("2026-12-09T10:00:00Z"));
        assertThat(QueueCursor.afterDue("2026-12-09T10:00:00.123456Z")).isEqualTo(Instant.parse("2026-12-09T10:00:00.123456Z"));
    }

    @Test
    void none_goes_on_past_every_deadline_to_the_appeals_without_a_running_handling_clock() {
        Instant pastDeadlines = QueueCursor.afterDue("none");
        assertThat(pastDeadlines).isAfter(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "", "yesterday", "2026-12-09", "2026-12-09 10:00", "NONE", "1733738400",
            "+999999-01-01T00:00:00Z" })
    void anything_else_is_refused_naming_the_parameter(String typed) {
        assertThatThrownBy(() -> QueueCursor.afterDue(typed)).isInstanceOfSatisfying(ProblemException.class, refused -> {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().field()).isEqualTo("afterDue");
        });
    }
}
