package cn.huiyin.notify.wecom.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each answer of WeCom's message/send means for the message. */
class WecomAnswerTest {

    @Test
    void errcode_zero_is_sent() {
        assertThat(new WecomAnswer(0, "ok", null).delivery()).isEqualTo(new Delivery.Sent());
    }

    @Test
    void errcode_zero_that_reached_nobody_is_refused_naming_the_user() {
        assertThat(new WecomAnswer(0, "ok", "ChenChen").delivery())
                .isEqualTo(new Delivery.Refused("WeCom did not reach user ChenChen"));
    }

    @ParameterizedTest(name = "{0} refuses the token: {1}")
    @CsvSource({ "40014, true", "42001, true", "45009, false", "0, false", "60020, false" })
    void only_an_invalid_or_expired_token_is_replaced(int errcode, boolean refused) {
        assertThat(new WecomAnswer(errcode, "", null).tokenRefused()).isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0} is tried later")
    @CsvSource({ "45009, api freq out of limit", "-1, system busy", "42001, access_token expired" })
    void busy_rate_limited_or_a_token_refused_twice_is_tried_later(int errcode, String errmsg) {
        assertThat(new WecomAnswer(errcode, errmsg, null).delivery())
                .isEqualTo(new Delivery.TryLater("errcode " + errcode + " " + errmsg));
    }

    @ParameterizedTest(name = "{0} is refused for good")
    @CsvSource({ "81013, user & party & tag all invalid", "60020, not allow to access from your ip",
            "301002, not allow operate another agent with this accesstoken" })
    void any_other_errcode_is_refused_with_wecoms_reason(int errcode, String errmsg) {
        assertThat(new WecomAnswer(errcode, errmsg, null).delivery())
                .isEqualTo(new Delivery.Refused("errcode " + errcode + " " + errmsg));
    }
}
