package cn.huiyin.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.feed.FeedTopic.Received;
import cn.huiyin.feed.application.EventFeed;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the default {@code include-internal=false}, integrators receive an appeal's public events only. */
@QuarkusTest
@TestProfile(EventFeedPublicOnlyTest.PublicOnly.class)
@WithTestResource(KafkaBrokerResource.class)
class EventFeedPublicOnlyTest {

    static final String TOPIC = "appeal-events-public-test";

    public static class PublicOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.event-feed.enabled", "true", "huiyin.event-feed.topic", TOPIC,
                    "huiyin.event-feed.poll-every", "200ms", "huiyin.event-feed.gap-patience", "0s");
        }
    }

    @Inject
    EventFeed feed;

    @Inject
    Database db;

    @Test
    void internal_events_stay_out_of_the_feed() {
        String no = EventFeedTest.appealWithNotes();
        long appeal = db.id(no);
        long publicEvents = db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND visibility = 'PUBLIC'", appeal);
        long lastId = db.count("SELECT max(id) FROM appeal_event WHERE appeal_id = $1", appeal);
        assertThat(db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1 AND visibility = 'INTERNAL'", appeal))
                .isPositive();

        try (FeedTopic topic = new FeedTopic(TOPIC)) {
            // published by the scheduler alone; once the cursor is past the appeal's last event, all is out
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    db.count("SELECT position FROM event_feed_cursor WHERE name = 'kafka'") >= lastId);
            List<Received> records = await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(no),
                    r -> r.size() >= publicEvents);
            assertThat(records).hasSize((int) publicEvents);
            assertThat(records).extracting(r -> r.event().path("visibility").asText()).containsOnly("public");
            assertThat(records).filteredOn(r -> r.event().path("type").asText().equals("cn.huiyin.appeal.note"))
                    .extracting(r -> r.event().path("data").path("reason").asText()).containsExactly("正在核查授信额度");
        }
    }
}
