package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.domain.Caller;

class RevealEventReadersTest {

    private static Caller as(String role) {
        return new Caller("someone", role, role.equals("commissioner") || role.equals("unit-leader") ? "ECO" : null, null);
    }

    @Test
    void the_event_type_is_the_one_the_reveal_is_stored_under() {
        assertThat(RevealEventReaders.EVENT_TYPE).isEqualTo("PERSONAL_DATA_REVEALED");
    }

    @Test
    void the_system_administrator_and_the_security_administrator_never_see_a_reveal() {
        assertThat(RevealEventReaders.shows("PERSONAL_DATA_REVEALED", as("admin"))).isFalse();
        assertThat(RevealEventReaders.shows("PERSONAL_DATA_REVEALED", as("security-admin"))).isFalse();
    }

    @Test
    void the_reveal_log_readers_and_the_staff_who_work_the_appeal_do() {
        for (String role : new String[] { "district-leader", "auditor", "commissioner", "unit-leader", "dispatcher", "agent" }) {
            assertThat(RevealEventReaders.shows("PERSONAL_DATA_REVEALED", as(role))).as(role).isTrue();
        }
    }

    @Test
    void enterprises_anonymous_callers_and_unknown_roles_do_not() {
        assertThat(RevealEventReaders.mayRead(as("enterprise"))).isFalse();
        assertThat(RevealEventReaders.mayRead(Caller.anonymous())).isFalse();
        assertThat(RevealEventReaders.mayRead(null)).isFalse();
        assertThat(RevealEventReaders.mayRead(as("a-role-added-later"))).isFalse();
    }

    @Test
    void every_other_event_is_left_to_the_appeal_access_rules() {
        assertThat(RevealEventReaders.shows("NOTE", as("admin"))).isTrue();
        assertThat(RevealEventReaders.shows("RETURNED", as("admin"))).isTrue();
        assertThat(RevealEventReaders.shows("REPLIED", Caller.anonymous())).isTrue();
    }
}
