package cn.huiyin.workqueue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.outbox.OutboxHandler;
import cn.huiyin.shared.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;

/**
 * Assigns what intake dispatched. It runs from the outbox, after the intake commit, so the intake path stays
 * one short transaction; the outbox guarantees it happens, and {@link Assignment#assignAfterIntake} makes a
 * repeat harmless.
 */
@ApplicationScoped
public class AssignAfterIntake implements OutboxHandler {

    @Inject
    Assignment assignment;

    @Override
    public boolean handles(OutboxMessage message) {
        return "AppealReceived".equals(message.eventType()) && message.payload().contains("\"status\":\"DISPATCHED\"");
    }

    @Override
    public Uni<Void> handle(OutboxMessage message) {
        return assignment.assignAfterIntake(message.appealId());
    }
}
