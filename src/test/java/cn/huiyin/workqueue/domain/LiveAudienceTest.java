package cn.huiyin.workqueue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.domain.Caller;

/** Which open page hears which live update. */
class LiveAudienceTest {

    @ParameterizedTest(name = "{0} of {1} listens to {2}")
    @CsvSource(nullValues = "-", value = {
            "commissioner, TAX, TAX",
            "unit-leader, SAMR, SAMR",
            "dispatcher, -, DISPATCH",
            "dispatcher, DRC, DISPATCH" })
    void unit_staff_hear_their_unit_and_a_dispatcher_hears_the_desk(String role, String unit, String stream) {
        assertThat(LiveAudience.streamOf(new Caller("someone", role, unit, null))).contains(stream);
    }

    @Test
    void a_caller_without_a_unit_who_is_no_dispatcher_has_nothing_to_hear() {
        assertThat(LiveAudience.streamOf(new Caller("li", "commissioner", null, null))).isEmpty();
        assertThat(LiveAudience.streamOf(new Caller("acme", "enterprise", null, "91440106MA5CXK8R10"))).isEmpty();
        assertThat(LiveAudience.streamOf(Caller.anonymous())).isEmpty();
    }

    @Test
    void an_update_reaches_the_stream_of_its_own_unit_only() {
        assertThat(LiveAudience.reaches("TAX", "TAX")).isTrue();
        assertThat(LiveAudience.reaches("SAMR", "TAX")).isFalse();
        assertThat(LiveAudience.reaches(LiveAudience.DISPATCH_DESK, "TAX")).isFalse();
        assertThat(LiveAudience.reaches("TAX", LiveAudience.DISPATCH_DESK)).isFalse();
        assertThat(LiveAudience.reaches(null, "TAX")).isFalse();
    }

    @Test
    void a_step_at_the_desk_tells_the_units_it_touched_and_the_desk_itself() {
        assertThat(LiveAudience.withDesk(List.of("SAMR"))).containsExactly("SAMR", "DISPATCH");
        assertThat(LiveAudience.withDesk(List.of())).containsExactly("DISPATCH");
    }

    @Test
    void every_replica_uses_the_one_channel_under_the_deployments_prefix() {
        assertThat(LiveAudience.channel("huiyin:")).isEqualTo("huiyin:workqueue:updates");
        assertThat(LiveAudience.channel("test-7:")).isEqualTo("test-7:workqueue:updates");
    }
}
