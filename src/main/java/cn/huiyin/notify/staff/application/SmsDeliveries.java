package cn.huiyin.notify.staff.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.notify.sms.SmsConfig;
import cn.huiyin.notify.sms.SmsGateway;
import cn.huiyin.notify.staff.NoticesConfig;
import cn.huiyin.notify.staff.domain.NoticeSms;
import cn.huiyin.notify.staff.domain.RetrySchedule;
import cn.huiyin.notify.staff.persistence.NoticeDeliveryRepository;
import cn.huiyin.notify.staff.persistence.NoticeDeliveryRepository.SmsDue;
import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the notices due for SMS (those WeCom does not reach), as {@link WecomDeliveries} sends WeCom's: rows are
 * reserved, not locked, while a message is on its way, and what the gateway puts off is tried again later
 * ({@link RetrySchedule}). Each notice's message carries the same {@code Idempotency-Key} on every attempt, so the
 * gateway sends it once even when a replica died after handing it over and another one sends the row again.
 */
@ApplicationScoped
public class SmsDeliveries {

    private static final Logger LOG = Logger.getLogger(SmsDeliveries.class);

    @Inject
    NoticeDeliveryRepository stored;

    @Inject
    SmsGateway gateway;

    @Inject
    SmsConfig sms;

    @Inject
    NoticesConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Scheduled(every = "${huiyin.notices.sms.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sendDue().onFailure().invoke(f -> LOG.warnf("sending staff notices by SMS failed, will retry: %s",
                f.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends one round of due messages (none while SMS is off: they wait for it). Returns how many were taken. */
    public Uni<Integer> sendDue() {
        if (!sms.enabled()) {
            return Uni.createFrom().item(0);
        }
        NoticesConfig.Sms settings = config.sms();
        return stored.claimSms(clock.instant(), settings.batch(), settings.lease())
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::deliver)
                        .collect().asList().replaceWith(due.size()));
    }

    private Uni<Void> deliver(SmsDue notice) {
        if (notice.mobile() == null) {
            count("failed");
            return stored.failed(NoticeDeliveryRepository.Channel.SMS, notice.id(), "the staff member has no mobile any more");
        }
        // deferred: the gateway checks its settings before it returns a Uni, and that failure is this message's too
        return Uni.createFrom().deferred(() -> gateway.send("staff-notice-" + notice.id(), notice.mobile().normalized(),
                config.sms().template(), NoticeSms.params(notice.step(), notice.clock(), notice.trackingNo(),
                        notice.recipientRole(), config.sms().publicBaseUrl())))
                .chain(() -> {
                    count("sent");
                    return stored.sent(NoticeDeliveryRepository.Channel.SMS, notice.id(), clock.instant());
                })
                .onFailure().recoverWithUni(failure -> unsent(notice, failure));
    }

    /** A refusal (a 4xx other than 408 and 429) is final; anything else is tried again until the attempts run out. */
    private Uni<Void> unsent(SmsDue notice, Throwable failure) {
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int attempts = notice.attempts() + 1;
        if (failure instanceof PermanentFailure) {
            count("failed");
            LOG.infof("the SMS gateway refused the message of staff notice %d: %s", notice.id(), why);
            return stored.failed(NoticeDeliveryRepository.Channel.SMS, notice.id(), why);
        }
        RetrySchedule schedule = new RetrySchedule(config.sms().maxAttempts());
        if (schedule.mayRetryAfter(attempts)) {
            count("later");
            Instant next = clock.instant().plus(schedule.delayAfter(attempts));
            return stored.later(NoticeDeliveryRepository.Channel.SMS, notice.id(), why, next);
        }
        count("failed");
        LOG.warnf("SMS of staff notice %d given up after %d attempts: %s", notice.id(), attempts, why);
        return stored.failed(NoticeDeliveryRepository.Channel.SMS, notice.id(), "gave up after " + attempts + " attempts: " + why);
    }

    private void count(String outcome) {
        meters.counter("huiyin.notices.sms", "outcome", outcome).increment();
    }
}
