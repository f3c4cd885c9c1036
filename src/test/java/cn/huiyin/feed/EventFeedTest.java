package cn.huiyin.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.huiyin.feed.FeedTopic.Received;
import cn.huiyin.feed.application.EventFeed;
import cn.huiyin.testsupport.Appeals;
import cn.huiyin.testsupport.Database;
import cn.huiyin.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The event feed against a real broker, with internal events included: every event of an appeal arrives as a
 * CloudEvent, keyed by its tracking number, in the appeal's order; sent again (the cursor set back, as after a crash
 * between the broker's acknowledgement and the commit), an integrator that drops ids it has seen still applies each
 * event once.
 */
@QuarkusTest
@TestProfile(EventFeedTest.FeedOn.class)
@WithTestResource(KafkaBrokerResource.class)
class EventFeedTest {

    static final String TOPIC = "appeal-events-test";

    public static class FeedOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huiyin.event-feed.enabled", "true", "huiyin.event-feed.topic", TOPIC,
                    "huiyin.event-feed.include-internal", "true", "huiyin.event-feed.poll-every", "off",
                    "huiyin.event-feed.gap-patience", "0s", "huiyin.event-feed.source", "https://huiyin.test/appeals");
        }
    }

    @Inject
    EventFeed feed;

    @Inject
    Database db;

    @Test
    void an_appeals_events_arrive_in_order_as_cloud_events_and_once_by_id() {
        String no = appealWithNotes();
        long events = db.count("SELECT count(*) FROM appeal_event WHERE appeal_id = $1", db.id(no));
        assertThat(events).as("received, dispatched, maybe assigned, two notes").isGreaterThanOrEqualTo(4);

        try (FeedTopic topic = new FeedTopic(TOPIC)) {
            List<Received> first = publishUntil(topic, no, events);
            assertThat(first).extracting(Received::key).containsOnly(no);
            assertThat(first).extracting(Received::contentType).containsOnly("application/cloudevents+json; charset=UTF-8");
            assertThat(first).extracting(r -> r.event().path("appealseq").asInt())
                    .as("the appeal's events in its order").isSorted().doesNotHaveDuplicates();
            assertThat(first).extracting(Received::id).doesNotHaveDuplicates();

            Received received = first.get(0);
            assertThat(received.event().path("specversion").asText()).isEqualTo("1.0");
            assertThat(received.event().path("type").asText()).isEqualTo("cn.huiyin.appeal.received");
            assertThat(received.event().path("source").asText()).isEqualTo("https://huiyin.test/appeals");
            assertThat(received.event().path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(received.event().path("time").asText()).endsWith("Z");
            assertThat(received.event().path("data").path("payload").path("channel").asText()).isEqualTo("WEB");
            assertThat(received.id()).isEqualTo(db.string(
                    "SELECT id::text FROM appeal_event WHERE appeal_id = $1 AND seq = 1", db.id(no)));
            assertThat(first).extracting(r -> r.event().path("type").asText()).contains("cn.huiyin.appeal.dispatched");
            assertThat(first).filteredOn(r -> r.event().path("type").asText().equals("cn.huiyin.appeal.note"))
                    .extracting(r -> r.event().path("visibility").asText()).containsExactly("internal", "public");

            // a crash after the broker acknowledged, before the cursor moved: the events go out again
            db.execute("UPDATE event_feed_cursor SET position = $1 WHERE name = 'kafka'",
                    Long.parseLong(first.get(0).id()) - 1);
            List<Received> again = publishUntil(topic, no, 2 * events);
            assertThat(again).hasSize((int) (2 * events));
            Map<String, Received> applied = new LinkedHashMap<>();
            again.forEach(r -> applied.putIfAbsent(r.id(), r)); // what the docs tell integrators to do
            assertThat(applied.values()).extracting(Received::id).containsExactlyElementsOf(
                    first.stream().map(Received::id).toList());
        }
    }

    private List<Received> publishUntil(FeedTopic topic, String no, long count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            feed.publishAll().await().atMost(Duration.ofSeconds(60));
            return topic.of(no);
        }, records -> records.size() >= count);
    }

    /** A web appeal placed with TAX, an internal note and one for the enterprise. */
    static String appealWithNotes() {
        String no = given().contentType(ContentType.JSON).body(Appeals.validSubmission()).post("/api/v1/appeals")
                .then().statusCode(202).extract().path("trackingNo");
        String token = Appeals.tokenFor("commissioner-tax");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("note", "已联系税源管理科")).post("/api/v1/appeals/" + no + "/notes").statusCode() == 200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("note", "正在核查授信额度", "visibleToEnterprise", true))
                .post("/api/v1/appeals/" + no + "/notes").then().statusCode(200);
        return no;
    }
}
