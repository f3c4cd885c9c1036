package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AppealStatusTest {

    @ParameterizedTest
    @CsvSource({
        "RECEIVED, 受理", "DISPATCHED, 派单", "ACCEPTED, 签收", "HANDLING, 办理", "REPLIED, 答复",
        "EVALUATED, 评价", "CLOSED, 归档", "RETURNED, 退单", "REWORK, 整改", "MERGED, 并单",
    })
    void eachStatusHasItsChineseName(AppealStatus status, String label) {
        assertThat(status.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @EnumSource(value = AppealStatus.class, names = {"CLOSED", "MERGED"})
    void closedAndMergedAppealsAreNoLongerOpen(AppealStatus status) {
        assertThat(status.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = AppealStatus.class, names = {"CLOSED", "MERGED"}, mode = EnumSource.Mode.EXCLUDE)
    void everyOtherStatusIsStillOpen(AppealStatus status) {
        assertThat(status.isOpen()).isTrue();
    }
}
