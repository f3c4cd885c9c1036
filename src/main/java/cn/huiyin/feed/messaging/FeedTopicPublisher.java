package cn.huiyin.feed.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.huiyin.feed.EventFeedConfig;
import cn.huiyin.feed.domain.FeedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sends a batch of events to the feed's topic and completes once the broker has acknowledged every one of them
 * ({@code acks=all}). Keyed by tracking number, so an appeal's events share a partition and keep their order; the
 * producer is idempotent, so its own retries neither double nor reorder records. The Kafka producer blocks while it
 * fetches metadata and the wait for acknowledgements is a blocking wait: both run on a worker thread. The producer is
 * made on first use, so a replica with the feed off never connects to Kafka.
 */
@ApplicationScoped
public class FeedTopicPublisher {

    @Inject
    EventFeedConfig config;

    @Inject
    ObjectMapper mapper;

    private volatile Producer<String, String> producer;

    public Uni<Void> publish(List<FeedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void>item(() -> {
            sendAndWait(events);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void sendAndWait(List<FeedEvent> events) {
        Producer<String, String> kafka = producer();
        CloudEventJson json = new CloudEventJson(mapper, config.source());
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (FeedEvent event : events) {
            ProducerRecord<String, String> record = new ProducerRecord<>(config.topic(), event.trackingNo(), json.write(event));
            record.headers().add("content-type", CloudEventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            sent.add(kafka.send(record));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> ack : sent) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused an event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the batch within " + config.sendTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(properties(), new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private Properties properties() {
        int timeoutMs = (int) config.sendTimeout().toMillis();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "huiyin-event-feed");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // the most idempotence keeps in order
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 10_000));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, Math.min(timeoutMs, 10_000) + 5));
        return p;
    }

    @PreDestroy
    void close() {
        Producer<String, String> current = producer;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(5));
        }
    }
}
