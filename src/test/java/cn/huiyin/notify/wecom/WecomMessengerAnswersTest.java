package cn.huiyin.notify.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.huiyin.notify.wecom.domain.Delivery;
import cn.huiyin.notify.wecom.domain.Textcard;
import io.vertx.core.json.JsonObject;

/** WeCom's JSON read into answers, and the message as WeCom expects it, without a server. */
class WecomMessengerAnswersTest {

    @Test
    void the_request_is_a_textcard_of_the_app_with_duplicate_check() {
        JsonObject body = WecomMessenger.body("ChenChen",
                new Textcard("【超时】处置时限", "<div class=\"gray\">诉求编号 1</div>", "https://h/workqueue/1", "查看详情"), 1000002);
        assertThat(body.getString("touser")).isEqualTo("ChenChen");
        assertThat(body.getString("msgtype")).isEqualTo("textcard");
        assertThat(body.getInteger("agentid")).isEqualTo(1000002);
        assertThat(body.getJsonObject("textcard").getString("url")).isEqualTo("https://h/workqueue/1");
        assertThat(body.getJsonObject("textcard").getString("btntxt")).isEqualTo("查看详情");
        assertThat(body.getInteger("enable_duplicate_check")).isEqualTo(1);
    }

    @Test
    void users_it_did_not_reach_are_read_from_either_list() {
        assertThat(WecomMessenger.answer(new JsonObject("""
                {"errcode":0,"errmsg":"ok","invaliduser":"","unlicenseduser":"LiuQiang","msgid":"m1"}""")).delivery())
                .isEqualTo(new Delivery.Refused("WeCom did not reach user LiuQiang"));
        assertThat(WecomMessenger.answer(new JsonObject("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\"}")).delivery())
                .isEqualTo(new Delivery.Sent());
        assertThat(WecomMessenger.answer(new JsonObject("{\"errcode\":\"45009\",\"errmsg\":\"api freq out of limit\"}"))
                .delivery()).isInstanceOf(Delivery.TryLater.class);
    }

    @Test
    void an_answer_that_is_not_json_is_said_so() {
        assertThatThrownBy(() -> WecomMessenger.json("<html>502</html>", "message/send"))
                .hasMessageContaining("other than a JSON object");
        assertThatThrownBy(() -> WecomMessenger.json("", "message/send")).hasMessageContaining("empty body");
    }

    @Test
    void a_token_is_handed_out_until_five_minutes_before_wecom_expires_it() {
        assertThat(WecomTokenEndpoint.usableFor(7200)).isEqualTo(Duration.ofSeconds(6900));
        assertThat(WecomTokenEndpoint.usableFor(60)).isEqualTo(Duration.ofSeconds(30));
    }
}
