package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppealVocabularyTest {

    @ParameterizedTest
    @CsvSource({"CONSULT, 咨询", "HELP, 求助", "COMPLAINT, 投诉", "REPORT, 举报", "SUGGEST, 建议"})
    void eachAppealTypeHasItsChineseName(AppealType type, String label) {
        assertThat(type.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"WEB, 网页", "PHONE, 电话", "WECHAT, 微信"})
    void eachChannelHasItsChineseName(Channel channel, String label) {
        assertThat(channel.label()).isEqualTo(label);
    }
}
