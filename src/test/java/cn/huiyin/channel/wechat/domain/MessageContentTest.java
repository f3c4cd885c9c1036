package cn.huiyin.channel.wechat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.channel.wechat.domain.InboundMessage.Image;
import cn.huiyin.channel.wechat.domain.InboundMessage.Voice;

class MessageContentTest {

    private static final String ACCOUNT = "gh_0123456789ab";
    private static final String OPENID = "oUser_openid";

    @Test
    void a_voice_message_is_what_wechat_recognised_in_composed_form() {
        Voice voice = new Voice(ACCOUNT, OPENID, 1L, "7", "m1", "amr", "  Cafe\u0301 园区停电了 ");

        assertThat(MessageContent.of(voice)).isEqualTo("Caf\u00e9 园区停电了");
    }

    @Test
    void a_voice_message_without_recognition_is_noted_by_its_media() {
        assertThat(MessageContent.of(new Voice(ACCOUNT, OPENID, 1L, "7", "m1", "amr", null)))
                .isEqualTo("[语音消息] MediaId=m1，格式 amr");
        assertThat(MessageContent.of(new Voice(ACCOUNT, OPENID, 1L, "7", "m1", "amr", " ")))
                .isEqualTo("[语音消息] MediaId=m1，格式 amr");
    }

    @Test
    void an_image_is_noted_by_its_address_and_media() {
        Image image = new Image(ACCOUNT, OPENID, 1L, "8", "https://mmbiz.qpic.cn/p.jpg", "img1");

        assertThat(MessageContent.of(image)).isEqualTo("[图片] https://mmbiz.qpic.cn/p.jpg MediaId=img1");
    }
}
