package cn.huiyin.notify.staff.application;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealNotices;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.notify.sms.SmsConfig;
import cn.huiyin.notify.staff.NoticesConfig;
import cn.huiyin.notify.staff.domain.EscalatedAppeal;
import cn.huiyin.notify.staff.domain.Escalation;
import cn.huiyin.notify.staff.domain.NoticeChannel;
import cn.huiyin.notify.staff.domain.NoticeDraft;
import cn.huiyin.notify.staff.domain.NoticeWords;
import cn.huiyin.notify.staff.domain.Recipient;
import cn.huiyin.notify.staff.domain.WhoHears;
import cn.huiyin.notify.staff.persistence.NoticeRosterRepository;
import cn.huiyin.notify.staff.persistence.StaffNoticeRepository;
import cn.huiyin.notify.wecom.WecomAgents;
import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import cn.huiyin.sla.domain.EscalationStep;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Outbox handler of {@code SlaEscalated}: the people who hear of the step get a notice each, all written in one
 * transaction. An outbox row may be delivered again (a crash before it was marked done): the escalation's notices are
 * then found written and nothing changes, even if the appeal's holder or the duty roster changed in between. Each
 * notice's channel beside the app is decided here ({@link NoticeChannel}); WeCom messages and SMS are not sent here
 * but by {@link WecomDeliveries} and {@link SmsDeliveries}, which retry them on their own schedules.
 */
@ApplicationScoped
public class EscalationNotices implements OutboxHandler {

    @Inject
    AppealNotices notices;

    @Inject
    Pool pool;

    @Inject
    StaffNoticeRepository stored;

    @Inject
    NoticeRosterRepository roster;

    @Inject
    NoticesConfig config;

    @Inject
    WecomAgents wecom;

    @Inject
    SmsConfig sms;

    @Inject
    Clock clock;

    @Override
    public boolean handles(OutboxMessage message) {
        return escalated(message).isPresent();
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        AppealEvent.Escalated event = escalated(message)
                .orElseThrow(() -> new PermanentFailure("not an escalation: " + message.id()));
        Escalation escalation = escalation(message.appealId(), event);
        return pool.withTransaction(tx -> stored.lock(tx, escalation)
                .chain(() -> stored.written(tx, escalation))
                .chain(written -> written ? Uni.createFrom().voidItem() : write(tx, escalation)));
    }

    private Uni<Void> write(SqlConnection tx, Escalation escalation) {
        return roster.appeal(tx, escalation.appealId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(new PermanentFailure("no appeal " + escalation.appealId()));
            }
            EscalatedAppeal appeal = found.get();
            return roster.roster(tx, appeal.handlingUnit(), config.desk()).chain(people -> {
                List<Recipient> recipients = WhoHears.recipients(config.rules().audiencesOf(escalation.step()), appeal,
                        people, config.desk());
                return roster.contacts(tx, recipients.stream().map(Recipient::username).toList())
                        .chain(contacts -> stored.insert(tx, recipients.stream()
                                .map(r -> new NoticeDraft(escalation, appeal.trackingNo(), r,
                                        NoticeWords.of(escalation, appeal.trackingNo(), appeal.title(), r.audience()),
                                        NoticeChannel.of(wecom.enabled(), sms.enabled(),
                                                contacts.getOrDefault(r.username(), NoticeChannel.Contact.NONE))))
                                .toList(), clock.instant()));
            });
        });
    }

    private Optional<AppealEvent.Escalated> escalated(OutboxMessage message) {
        return notices.readAs(message, AppealNotice.Relayed.class).map(AppealNotice.Relayed::event)
                .filter(AppealEvent.Escalated.class::isInstance).map(AppealEvent.Escalated.class::cast);
    }

    /** The fired step; a step or due time this version cannot read will not become readable by retrying. */
    private static Escalation escalation(long appealId, AppealEvent.Escalated event) {
        EscalationStep step;
        Instant dueAt;
        try {
            step = EscalationStep.valueOf(event.step());
            dueAt = Instant.parse(event.dueAt());
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException unreadable) {
            throw new PermanentFailure("unreadable escalation of appeal " + appealId + ": " + event);
        }
        if (event.clock() == null || event.clock().isBlank() || step == EscalationStep.EXPIRY) {
            throw new PermanentFailure("not a ladder step of a clock: " + event);
        }
        return new Escalation(appealId, event.clock(), step, dueAt);
    }
}
