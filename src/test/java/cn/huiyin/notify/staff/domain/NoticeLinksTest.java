package cn.huiyin.notify.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A notice links each reader to a page their role may open, never to one that refuses them. */
class NoticeLinksTest {

    @ParameterizedTest
    @CsvSource({
            "commissioner,    /workqueue/2612070000013",
            "unit-leader,     /workqueue/2612070000013",
            "dispatcher,      /supervision",
            "district-leader, /supervision",
            "agent,           /notices",
            "admin,           /notices",
            "enterprise,      /notices",
            "night-watch,     /notices" })
    void each_role_is_sent_to_a_page_it_may_open(String role, String path) {
        assertThat(NoticeLinks.pathFor(role, "2612070000013")).isEqualTo(path);
    }

    @Test
    void a_person_no_longer_on_the_roster_is_sent_to_their_notices() {
        assertThat(NoticeLinks.pathFor(null, "2612070000013")).isEqualTo("/notices");
    }

    @Test
    void the_stored_tracking_numbers_padding_does_not_reach_the_link() {
        assertThat(NoticeLinks.pathFor("commissioner", "2612070000013 ")).isEqualTo("/workqueue/2612070000013");
    }
}
