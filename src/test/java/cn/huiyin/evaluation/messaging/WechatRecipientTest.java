package cn.huiyin.evaluation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whom a WeChat appeal's rating request goes to, read from the appeal's reply_to. */
class WechatRecipientTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({ "huiyin/oABC123, huiyin, oABC123", "tax-office/o-x_y, tax-office, o-x_y", "a/b/c, a, b/c" })
    void the_account_and_the_follower_on_it(String replyTo, String account, String openId) {
        assertThat(WechatRecipient.of(replyTo)).contains(new WechatRecipient(account, openId));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(nullValues = "NULL", value = { "oABC123", "/oABC123", "huiyin/", "/", "''", "NULL" })
    void anything_else_names_nobody_to_write_to(String replyTo) {
        assertThat(WechatRecipient.of(replyTo)).isEmpty();
    }
}
