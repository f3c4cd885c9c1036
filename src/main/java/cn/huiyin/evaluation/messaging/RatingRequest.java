package cn.huiyin.evaluation.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealNotices;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.evaluation.EvaluationConfig;
import cn.huiyin.evaluation.application.RatingLinksProducer;
import cn.huiyin.evaluation.domain.RatingCommand;
import cn.huiyin.evaluation.domain.RatingLinks;
import cn.huiyin.shared.domain.TrackingNumber;
import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import cn.huiyin.shared.outbox.OutboxMessage;

/**
 * A {@code RatingRequested} outbox row: which appeal and round to ask about, and until when the link works. The
 * link is signed when the message is sent (the row holds nothing that could rate) and is the same on every retry.
 */
record RatingRequest(String trackingNo, String channel, int round, Instant linkExpiresAt) {

    static final String TYPE = "RatingRequested";

    static boolean is(OutboxMessage message) {
        return TYPE.equals(message.eventType());
    }

    static RatingRequest of(AppealNotice.RatingRequested notice) {
        return new RatingRequest(notice.trackingNo(), notice.channel(), notice.round(),
                Instant.ofEpochSecond(notice.linkExpiresAt()));
    }

    /** Reads the rows and signs their links, for both handlers. */
    @ApplicationScoped
    static class Reader {

        @Inject
        EvaluationConfig config;

        @Inject
        RatingLinks links;

        @Inject
        AppealNotices notices;

        /** The row as a request; a row that cannot be read is a permanent failure. */
        RatingRequest read(OutboxMessage message) {
            return notices.readAs(message, AppealNotice.RatingRequested.class).map(RatingRequest::of)
                    .orElseThrow(() -> new PermanentFailure("unreadable RatingRequested payload " + message.id()));
        }

        /** Whether the row asks an appellant on this channel to rate. */
        boolean on(OutboxMessage message, String channel) {
            return is(message) && notices.readAs(message, AppealNotice.RatingRequested.class)
                    .filter(request -> channel.equals(request.channel())).isPresent();
        }

        String link(RatingRequest request) {
            return RatingLinksProducer.link(config, links.token(request.trackingNo(), request.round(),
                    request.linkExpiresAt()));
        }
    }

    String spokenNumber() {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }

    /** The text a WeChat appellant is sent: which appeal, how to rate by reply, and the signed link. */
    String wechatText(String link) {
        return "您的诉求（编号 " + spokenNumber() + "）已答复，请您评价。" + RatingCommand.HOW_TO + "也可打开链接评价：" + link;
    }
}
