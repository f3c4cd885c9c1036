package cn.huiyin.intake.messaging;

import cn.huiyin.intake.IntakeEnvelope;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads intake envelopes from Kafka when the intake stream is bound to Kafka. */
public class IntakeEnvelopeDeserializer extends ObjectMapperDeserializer<IntakeEnvelope> {

    public IntakeEnvelopeDeserializer() {
        super(IntakeEnvelope.class);
    }
}
