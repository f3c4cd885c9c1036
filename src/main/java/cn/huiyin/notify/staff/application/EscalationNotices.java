package cn.huiyin.notify.staff.application;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import cn.huiyin.shared.outbox.OutboxBatchHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import cn.huiyin.sla.domain.EscalationStep;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Outbox handler of {@code SlaEscalated}: the people who hear of the step get a notice each, all the steps of a relay's
 * lease written in one transaction (a sweep fires hundreds at once). An outbox row may be delivered again (a crash
 * before it was marked done): the escalation's notices are then found written and nothing changes, even if the
 * appeal's holder or the duty roster changed in between. Each
 * notice's channel beside the app is decided here ({@link NoticeChannel}); WeCom messages and SMS are not sent here
 * but by {@link WecomDeliveries} and {@link SmsDeliveries}, which retry them on their own schedules.
 */
@ApplicationScoped
public class EscalationNotices implements OutboxBatchHandler {

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

    /**
     * All the escalations of a lease in one transaction: each escalation locked (in one order, so that deliveries side
     * by side cannot deadlock), those already written left alone, and for the rest the appeals, the roster of their
     * units and the recipients' contacts read once, and every notice written with one statement.
     */
    @Override
    public Uni<Void> handleAll(List<OutboxMessage> messages) {
        List<Escalation> escalations = messages.stream()
                .map(message -> escalation(message.appealId(), escalated(message)
                        .orElseThrow(() -> new PermanentFailure("not an escalation: " + message.id()))))
                .distinct().toList();
        return pool.withTransaction(tx -> stored.lock(tx, escalations)
                .chain(() -> stored.written(tx, escalations))
                .chain(written -> {
                    List<Escalation> unwritten = IntStream.range(0, escalations.size()).filter(i -> !written.contains(i))
                            .mapToObj(escalations::get).toList();
                    return unwritten.isEmpty() ? Uni.createFrom().voidItem() : write(tx, unwritten);
                }));
    }

    private Uni<Void> write(SqlConnection tx, List<Escalation> escalations) {
        List<Long> appealIds = escalations.stream().map(Escalation::appealId).distinct().toList();
        return roster.appeals(tx, appealIds).chain(appeals -> {
            for (Long id : appealIds) {
                if (!appeals.containsKey(id)) {
                    return Uni.createFrom().failure(new PermanentFailure("no appeal " + id));
                }
            }
            Set<String> units = appeals.values().stream().map(EscalatedAppeal::handlingUnit).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
            return roster.roster(tx, units, config.desk()).chain(people -> {
                Map<Escalation, List<Recipient>> heard = new LinkedHashMap<>();
                for (Escalation e : escalations) {
                    heard.put(e, WhoHears.recipients(config.rules().audiencesOf(e.step()), appeals.get(e.appealId()),
                            people, config.desk()));
                }
                List<String> usernames = heard.values().stream().flatMap(List::stream).map(Recipient::username)
                        .distinct().toList();
                return roster.contacts(tx, usernames).chain(contacts -> {
                    List<NoticeDraft> drafts = new ArrayList<>();
                    heard.forEach((escalation, recipients) -> {
                        EscalatedAppeal appeal = appeals.get(escalation.appealId());
                        for (Recipient r : recipients) {
                            drafts.add(new NoticeDraft(escalation, appeal.trackingNo(), r,
                                    NoticeWords.of(escalation, appeal.trackingNo(), appeal.title(), r.audience()),
                                    NoticeChannel.of(wecom.enabled(), sms.enabled(),
                                            contacts.getOrDefault(r.username(), NoticeChannel.Contact.NONE))));
                        }
                    });
                    return stored.insert(tx, drafts, clock.instant());
                });
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
