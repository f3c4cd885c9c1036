package cn.huiyin.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * What channel adapters call to hand an appeal to the intake stream. The returned {@link Uni} completes
 * when the stream has taken the appeal durably (stored in PostgreSQL in-process, or acknowledged by
 * Kafka); only then may the adapter acknowledge its own caller.
 */
@ApplicationScoped
public class IntakePublisher {

    @Inject
    @Channel("intake-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<IntakeEnvelope> emitter;

    @Inject
    IntakeConfig config;

    public Uni<Void> publish(IntakeEnvelope envelope) {
        // keyed by tracking number: on Kafka, every retry of one appeal lands on the same partition
        Message<IntakeEnvelope> message = Message.of(envelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(envelope.trackingNo()).build());
        return emitter.sendMessage(message)
                .ifNoItem().after(config.ackTimeout()).fail();
    }
}
