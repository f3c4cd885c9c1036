package cn.huiyin.notify.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.notify.staff.domain.NoticeChannel.Contact;

/** Besides the app, a notice goes by WeCom where WeCom reaches the person, else by SMS to their mobile, never both. */
class NoticeChannelTest {

    @ParameterizedTest(name = "WeCom {0}, SMS {1}, WeCom id {2}, mobile {3} -> {4}")
    @CsvSource({
            // WeCom reaches them: WeCom, even when a mobile is set too
            "true,  true,  true,  true,  WECOM",
            "true,  false, true,  false, WECOM",
            // no WeCom id, or no WeCom app: their mobile, when SMS is on
            "true,  true,  false, true,  SMS",
            "false, true,  true,  true,  SMS",
            "false, true,  false, true,  SMS",
            // SMS off, or no mobile: the app alone
            "true,  false, false, true,  APP_ONLY",
            "false, false, true,  true,  APP_ONLY",
            "true,  true,  false, false, APP_ONLY",
            "false, true,  true,  false, APP_ONLY",
            "false, false, false, false, APP_ONLY" })
    void the_channel_beside_the_app(boolean wecomOn, boolean smsOn, boolean hasWecomId, boolean hasMobile,
            NoticeChannel expected) {
        assertThat(NoticeChannel.of(wecomOn, smsOn, new Contact(hasWecomId, hasMobile))).isEqualTo(expected);
    }
}
