package cn.huiyin.notify.sms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;

/** Someone who phoned in gets the tracking number by SMS once the appeal is stored, and a text when it is answered. */
@ApplicationScoped
public class PhoneAppealSms implements OutboxHandler {

    @Inject
    SmsConfig config;

    @Inject
    SmsGateway gateway;

    @Inject
    AppealQueryService appeals;

    @Inject
    ObjectMapper json;

    @Override
    public boolean handles(OutboxMessage message) {
        return config.enabled() && ("AppealReceived".equals(message.eventType()) || "AppealReplied".equals(message.eventType()))
                && "PHONE".equals(field(message, "channel"));
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        String trackingNo = field(message, "trackingNo");
        return appeals.contactMobile(trackingNo).chain(mobile -> {
            if (mobile.isEmpty()) {
                return Uni.createFrom().failure(new PermanentFailure("no mobile number for appeal " + trackingNo));
            }
            String template = "AppealReplied".equals(message.eventType()) ? config.answeredTemplate() : config.receivedTemplate();
            return gateway.send("outbox-" + message.id(), mobile.get(), template, Map.of("trackingNo", trackingNo));
        });
    }

    private String field(OutboxMessage message, String name) {
        try {
            JsonNode node = json.readTree(message.payload()).get(name);
            return node == null || node.isNull() ? null : node.asText();
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("unreadable outbox payload " + message.id());
        }
    }
}
