package cn.huiyin.workqueue.web;

import static cn.huiyin.workqueue.web.Bodies.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.workqueue.web.AssignmentAdminResource.Duty;
import cn.huiyin.workqueue.web.AssignmentAdminResource.Named;

/** The rules of the administration bodies: duty, and a key enterprise's named commissioners. */
class AssignmentAdminBodiesTest {

    @Test
    void a_duty_change_says_on_or_off() {
        assertThat(rejected(new Duty(true))).isEmpty();
        assertThat(rejected(new Duty(false))).isEmpty();
        assertThat(rejected(new Duty(null))).containsExactly("onDuty is true or false");
    }

    @Test
    void a_naming_names_a_commissioner_and_perhaps_a_backup_by_username() {
        assertThat(rejected(new Named("commissioner-eco", null))).isEmpty();
        assertThat(rejected(new Named("commissioner-eco", ""))).isEmpty();
        assertThat(rejected(new Named("commissioner-eco", "commissioner-eco-2"))).isEmpty();
        assertThat(rejected(new Named(" ", null)))
                .containsExactly("commissioner is 1 to 64 characters, without control characters");
        assertThat(rejected(new Named("x".repeat(65), "y".repeat(65)))).containsExactly(
                "commissioner is 1 to 64 characters, without control characters",
                "backup is 1 to 64 characters, without control characters");
        assertThat(rejected(new Named("zhou\u0000", null))).containsExactly(
                "commissioner is 1 to 64 characters, without control characters");
    }
}
