package cn.huiyin.intake.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import cn.huiyin.intake.IntakeConfig;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.application.IntakeService;
import cn.huiyin.intake.application.IntakeService.Outcome;
import cn.huiyin.shared.messaging.GroupCommitSubscriber;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The intake stream's consumer. Appeals that arrive while earlier ones are being written go together in
 * one transaction (group commit); each message is acknowledged only once its transaction has committed.
 */
@ApplicationScoped
public class IntakeConsumer {

    private static final Logger LOG = Logger.getLogger(IntakeConsumer.class);

    @Inject
    IntakeService intake;

    @Inject
    IntakeConfig config;

    @Incoming("intake-in")
    public Flow.Subscriber<Message<IntakeEnvelope>> consume() {
        return new GroupCommitSubscriber<>(this::storeBatch, config.batchSize(), config.concurrentBatches(),
                config.maxPending());
    }

    private Uni<Void> storeBatch(List<Message<IntakeEnvelope>> batch) {
        return intake.store(batch.stream().map(Message::getPayload).toList())
                // a database that blinks should not turn appeals into dead letters
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(3)
                .chain(outcomes -> settle(batch, outcomes))
                .onFailure().recoverWithUni(failure -> batch.size() == 1
                        ? nack(batch.get(0), failure)
                        // one bad appeal must not fail the others: write them one by one
                        : Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(m -> storeBatch(List.of(m)))
                                .collect().asList().replaceWithVoid());
    }

    private static Uni<Void> settle(List<Message<IntakeEnvelope>> batch, List<Outcome> outcomes) {
        return Multi.createFrom().range(0, batch.size())
                .onItem().transformToUniAndConcatenate(i -> outcomes.get(i) == Outcome.CONFLICT
                        ? nack(batch.get(i), new IllegalStateException("tracking number or dedupe key "
                                + "already used by a different appeal: " + batch.get(i).getPayload().trackingNo()))
                        : Uni.createFrom().completionStage(batch.get(i).ack()))
                .collect().asList().replaceWithVoid();
    }

    private static Uni<Void> nack(Message<IntakeEnvelope> message, Throwable failure) {
        LOG.warnf("appeal %s not stored: %s", message.getPayload().trackingNo(), failure.getMessage());
        return Uni.createFrom().completionStage(message.nack(failure));
    }
}
