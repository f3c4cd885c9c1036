package cn.huiyin.notify.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SMS template's parameters: the step and the clock in Chinese, the tracking number, a page the reader may open. */
class NoticeSmsTest {

    private static final String BASE = "https://huiyin.example.gov.cn/";

    @Test
    void a_commissioners_overdue_handling_clock() {
        assertThat(NoticeSms.params("OVERDUE", "HANDLE", "2612070000013 ", "commissioner", BASE)).isEqualTo(Map.of(
                "step", "超时", "clock", "处置", "trackingNo", "2612070000013",
                "link", "https://huiyin.example.gov.cn/workqueue/2612070000013"));
    }

    @ParameterizedTest
    @CsvSource({
            "WARNING,     预警, unit-leader,     /workqueue/2612070000013",
            "SUPERVISION, 督办, district-leader, /supervision",
            "SUPERVISION, 督办, dispatcher,      /supervision" })
    void each_step_and_role(String step, String label, String role, String path) {
        Map<String, String> params = NoticeSms.params(step, "RESPOND", "2612070000013", role, "https://h.example.cn");
        assertThat(params).containsEntry("step", label).containsEntry("clock", "响应")
                .containsEntry("link", "https://h.example.cn" + path);
    }

    @Test
    void a_person_who_left_the_roster_and_a_step_this_version_does_not_know() {
        Map<String, String> params = NoticeSms.params("LATER", "AUDIT", "2612070000013", null, BASE);
        assertThat(params).containsEntry("step", "LATER").containsEntry("clock", "AUDIT")
                .containsEntry("link", "https://huiyin.example.gov.cn/notices");
    }
}
