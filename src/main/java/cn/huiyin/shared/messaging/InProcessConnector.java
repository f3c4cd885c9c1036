package cn.huiyin.shared.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Binds an outgoing channel to an incoming channel of the same {@code topic} inside this process.
 * <p>
 * It exists so that a stream is wired by configuration alone: the same two channels go through Kafka by
 * naming {@code smallrye-kafka} instead of this connector. Messages keep their acknowledgement, so the
 * sender learns when the consumer has finished with a message (for intake: when the appeal is durable).
 */
@ApplicationScoped
@Connector(InProcessConnector.NAME)
public class InProcessConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "huiyin-in-process";

    private final Map<String, UnicastProcessor<Message<?>>> topics = new ConcurrentHashMap<>();

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return topic(config);
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        return new Forwarder(topic(config));
    }

    private UnicastProcessor<Message<?>> topic(Config config) {
        String topic = config.getOptionalValue("topic", String.class)
                .orElseGet(() -> config.getValue("channel-name", String.class));
        return topics.computeIfAbsent(topic, ignored -> UnicastProcessor.create());
    }

    /** The sending side: takes everything offered (the consumer bounds the work) and hands it over. */
    private record Forwarder(UnicastProcessor<Message<?>> topic) implements Flow.Subscriber<Message<?>> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Message<?> message) {
            topic.onNext(message);
        }

        @Override
        public void onError(Throwable failure) {
            topic.onError(failure);
        }

        @Override
        public void onComplete() {
            topic.onComplete();
        }
    }
}
