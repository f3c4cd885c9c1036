package cn.huiyin.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The feed's topic as an integrator sees it: a consumer of its own reading every record from the start. */
final class FeedTopic implements AutoCloseable {

    /** One record: its key, its content-type header and its value as JSON. */
    record Received(String key, String contentType, JsonNode event) {
        String id() {
            return event.path("id").asText();
        }

        String subject() {
            return event.path("subject").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    FeedTopic(String topic) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        createWithPartitions(bootstrap, topic, 3);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "feed-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Several partitions, so that keeping an appeal's events together is something the feed has to do. */
    private static void createWithPartitions(String bootstrap, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls once and returns everything received so far, in the order it arrived. */
    List<Received> poll() {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            Header type = r.headers().lastHeader("content-type");
            try {
                received.add(new Received(r.key(), type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                        JSON.readTree(r.value())));
            } catch (Exception e) {
                throw new AssertionError("a record that is not JSON: " + r.value(), e);
            }
        }
        return List.copyOf(received);
    }

    /** The records of one appeal, in arrival order. */
    List<Received> of(String trackingNo) {
        return poll().stream().filter(r -> trackingNo.equals(r.subject())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
