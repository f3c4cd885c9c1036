package cn.huiyin.evaluation.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.evaluation.EvaluationConfig;
import cn.huiyin.evaluation.application.RatingLinksProducer;
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

    static RatingRequest of(OutboxMessage message, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(message.payload());
            return new RatingRequest(node.get("trackingNo").asText(), node.get("channel").asText(),
                    node.get("round").asInt(), Instant.ofEpochSecond(node.get("linkExpiresAt").asLong()));
        } catch (Exception unreadable) { // malformed JSON or a missing field alike
            throw new PermanentFailure("unreadable RatingRequested payload " + message.id());
        }
    }

    /** Reads the rows and signs their links, for both handlers. */
    @ApplicationScoped
    static class Reader {

        @Inject
        EvaluationConfig config;

        @Inject
        RatingLinks links;

        @Inject
        ObjectMapper json;

        RatingRequest read(OutboxMessage message) {
            return of(message, json);
        }

        String link(RatingRequest request) {
            return RatingLinksProducer.link(config, links.token(request.trackingNo(), request.round(),
                    request.linkExpiresAt()));
        }
    }

    String spokenNumber() {
        return TrackingNumber.parse(trackingNo).map(TrackingNumber::spoken).orElse(trackingNo);
    }
}
