package cn.huiyin.evaluation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.evaluation.domain.RatingCommand;
import cn.huiyin.shared.outbox.OutboxMessage;

/** A rating request as the outbox carries it, and what a WeChat appellant is sent. */
class RatingRequestTest {

    private static final String LINK = "https://huiyin.example/rate/2611250000510-1-1765843200-AAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void the_request_names_the_appeal_its_channel_the_round_and_when_the_link_stops_working() {
        RatingRequest request = RatingRequest.of(new AppealNotice.RatingRequested("2612070000013", "WECHAT", 2, 1_765_843_200L));
        assertThat(request).isEqualTo(new RatingRequest("2612070000013", "WECHAT", 2, Instant.parse("2025-12-16T00:00:00Z")));
    }

    @Test
    void only_rating_requests_are_read_as_such() {
        assertThat(RatingRequest.is(new OutboxMessage(1, 7, "RatingRequested", "{}", 0))).isTrue();
        assertThat(RatingRequest.is(new OutboxMessage(2, 7, "AppealReplied", "{}", 0))).isFalse();
    }

    @Test
    void a_wechat_appellant_is_told_which_appeal_how_to_rate_by_reply_and_given_the_link() {
        RatingRequest request = new RatingRequest("2611250000510", "WECHAT", 1, Instant.parse("2026-12-16T00:00:00Z"));

        assertThat(request.wechatText(LINK)).isEqualTo("您的诉求（编号 261125 000051 0）已答复，请您评价。" + RatingCommand.HOW_TO
                + "也可打开链接评价：" + LINK);
    }

    @Test
    void a_number_that_is_not_a_valid_tracking_number_is_spoken_as_it_is() {
        assertThat(new RatingRequest("2611250000511", "WECHAT", 1, Instant.EPOCH).spokenNumber()).isEqualTo("2611250000511");
        assertThat(new RatingRequest("12345", "WECHAT", 1, Instant.EPOCH).spokenNumber()).isEqualTo("12345");
    }
}
