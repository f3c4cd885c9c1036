package cn.huiyin.notify.staff.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.notify.staff.domain.NoticeCard;
import cn.huiyin.notify.staff.domain.RetrySchedule;
import cn.huiyin.notify.staff.persistence.NoticeDeliveryRepository;
import cn.huiyin.notify.staff.persistence.NoticeDeliveryRepository.WecomDue;
import cn.huiyin.notify.wecom.WecomAgents;
import cn.huiyin.notify.wecom.WecomConfig;
import cn.huiyin.notify.wecom.WecomMessenger;
import cn.huiyin.notify.wecom.domain.Delivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the notices due for WeCom, one after another (WeCom limits an app's calls). Rows are reserved, not locked,
 * while a message is on its way, so no transaction is held open across a call to WeCom; a replica that dies
 * mid-round loses its reservation and another one sends the row. Whatever WeCom puts off is tried again later
 * ({@link RetrySchedule}); what it refuses is marked failed with its reason.
 */
@ApplicationScoped
public class WecomDeliveries {

    private static final Logger LOG = Logger.getLogger(WecomDeliveries.class);

    @Inject
    NoticeDeliveryRepository stored;

    @Inject
    WecomMessenger messenger;

    @Inject
    WecomAgents agents;

    @Inject
    WecomConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Scheduled(every = "${huiyin.wecom.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sendDue().onFailure().invoke(f -> LOG.warnf("sending staff notices to WeCom failed, will retry: %s",
                f.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends one round of due messages (none while WeCom is off). Returns how many were taken. */
    public Uni<Integer> sendDue() {
        if (!agents.enabled()) {
            return Uni.createFrom().item(0);
        }
        return stored.claimWecom(clock.instant(), config.batch(), config.lease())
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::deliver)
                        .collect().asList().replaceWith(due.size()));
    }

    private Uni<Void> deliver(WecomDue notice) {
        if (notice.wecomUserId() == null) {
            return settled(notice, new Delivery.Refused("the staff member has no WeCom user id any more"));
        }
        return messenger.send(notice.wecomUserId(), NoticeCard.of(notice.title(), notice.body(), notice.trackingNo(),
                notice.recipientRole(), config.publicBaseUrl(), config.buttonText()))
                .chain(outcome -> settled(notice, outcome));
    }

    private Uni<Void> settled(WecomDue notice, Delivery outcome) {
        Instant now = clock.instant();
        int attempts = notice.attempts() + 1;
        if (outcome instanceof Delivery.Sent) {
            count("sent");
            return stored.sent(NoticeDeliveryRepository.Channel.WECOM, notice.id(), now);
        }
        if (outcome instanceof Delivery.TryLater later) {
            RetrySchedule schedule = new RetrySchedule(config.maxAttempts());
            if (schedule.mayRetryAfter(attempts)) {
                count("later");
                return stored.later(NoticeDeliveryRepository.Channel.WECOM, notice.id(), later.why(), now.plus(schedule.delayAfter(attempts)));
            }
            count("failed");
            LOG.warnf("WeCom message of staff notice %d given up after %d attempts: %s", notice.id(), attempts, later.why());
            return stored.failed(NoticeDeliveryRepository.Channel.WECOM, notice.id(), "gave up after " + attempts + " attempts: " + later.why());
        }
        String why = ((Delivery.Refused) outcome).why();
        count("failed");
        LOG.infof("WeCom refused the message of staff notice %d: %s", notice.id(), why);
        return stored.failed(NoticeDeliveryRepository.Channel.WECOM, notice.id(), why);
    }

    private void count(String outcome) {
        meters.counter("huiyin.notices.wecom", "outcome", outcome).increment();
    }
}
