package cn.huiyin.notify.sms;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealNotices;
import cn.huiyin.appeal.application.AppealQueryService;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;

/** Someone who phoned in gets the tracking number by SMS once the appeal is stored, and a text when it is answered. */
@ApplicationScoped
public class PhoneAppealSms implements OutboxHandler {

    private static final String PHONE = Channel.PHONE.name();

    @Inject
    SmsConfig config;

    @Inject
    SmsGateway gateway;

    @Inject
    AppealQueryService appeals;

    @Inject
    AppealNotices notices;

    @Override
    public boolean handles(OutboxMessage message) {
        return config.enabled() && trackingNoOfPhoneAppeal(message).isPresent();
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        String trackingNo = trackingNoOfPhoneAppeal(message)
                .orElseThrow(() -> new PermanentFailure("not a phone appeal's notice: " + message.id()));
        return appeals.contactMobile(trackingNo).chain(mobile -> {
            if (mobile.isEmpty()) {
                return Uni.createFrom().failure(new PermanentFailure("no mobile number for appeal " + trackingNo));
            }
            String template = "AppealReplied".equals(message.eventType()) ? config.answeredTemplate() : config.receivedTemplate();
            return gateway.send("outbox-" + message.id(), mobile.get(), template, Map.of("trackingNo", trackingNo));
        });
    }

    /** A phone appeal's receipt or answer: the caller hears of both. */
    private Optional<String> trackingNoOfPhoneAppeal(OutboxMessage message) {
        return notices.readAs(message, AppealNotice.class).flatMap(notice -> {
            if (notice instanceof AppealNotice.Received received && PHONE.equals(received.channel())) {
                return Optional.of(received.trackingNo());
            }
            if (notice instanceof AppealNotice.Replied replied && PHONE.equals(replied.channel())) {
                return Optional.of(replied.trackingNo());
            }
            return Optional.empty();
        });
    }
}
