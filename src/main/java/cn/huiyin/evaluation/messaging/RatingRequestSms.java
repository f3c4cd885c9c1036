package cn.huiyin.evaluation.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.Channel;
import cn.huiyin.evaluation.EvaluationConfig;
import cn.huiyin.evaluation.persistence.EvaluationRepository;
import cn.huiyin.notify.sms.SmsConfig;
import cn.huiyin.notify.sms.SmsGateway;
import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;

/**
 * Phone and web appellants with a mobile number get an SMS with a signed rating link. Without a mobile number
 * (an API submission) there is nobody to text: the enterprise rates through the API.
 */
@ApplicationScoped
public class RatingRequestSms implements OutboxHandler {

    @Inject
    SmsConfig sms;

    @Inject
    SmsGateway gateway;

    @Inject
    EvaluationRepository appeals;

    @Inject
    RatingRequest.Reader requests;

    @Inject
    EvaluationConfig config;

    @Override
    public boolean handles(OutboxMessage message) {
        return sms.enabled() && RatingRequest.is(message);
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        RatingRequest request = requests.read(message);
        if (Channel.WECHAT.name().equals(request.channel())) {
            return Uni.createFrom().voidItem(); // asked on WeChat instead
        }
        return appeals.contact(message.appealId()).chain(contact -> {
            String mobile = contact.map(EvaluationRepository.Contact::mobile).orElse(null);
            return mobile == null ? Uni.createFrom().voidItem()
                    : gateway.send("outbox-" + message.id(), mobile, config.smsTemplate(),
                            Map.of("trackingNo", request.trackingNo(), "link", requests.link(request)));
        });
    }
}
