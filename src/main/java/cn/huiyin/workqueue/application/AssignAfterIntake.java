package cn.huiyin.workqueue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealNotices;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import cn.huiyin.workqueue.live.LiveUpdates;
import io.smallrye.mutiny.Uni;

/**
 * What follows intake: a dispatched appeal is assigned to a commissioner, an unplaced one shows up on the
 * dispatcher's desk. It runs from the outbox, after the intake commit, so the intake path stays one short
 * transaction; the outbox guarantees it happens, and {@link Assignment#assignAfterIntake} makes a repeat harmless.
 */
@ApplicationScoped
public class AssignAfterIntake implements OutboxHandler {

    @Inject
    Assignment assignment;

    @Inject
    LiveUpdates live;

    @Inject
    AppealNotices notices;

    @Override
    public boolean handles(OutboxMessage message) {
        return "AppealReceived".equals(message.eventType());
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        return Uni.createFrom().item(() -> notices.readAs(message, AppealNotice.Received.class)
                .orElseThrow(() -> new PermanentFailure("unreadable AppealReceived notice " + message.id())))
                .chain(received -> {
                    if ("DISPATCHED".equals(received.status())) {
                        return assignment.assignAfterIntake(message.appealId());
                    }
                    live.publish(new LiveUpdates.Update(LiveUpdates.DISPATCH_DESK, received.trackingNo(), "RECEIVED"));
                    return Uni.createFrom().voidItem();
                });
    }
}
