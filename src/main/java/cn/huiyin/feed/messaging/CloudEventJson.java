package cn.huiyin.feed.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.huiyin.feed.domain.FeedEvent;

/**
 * An appeal event as a CloudEvent in structured JSON mode (CloudEvents 1.0): the {@code id} is the event's id, so a
 * consumer that keeps the ids it has applied sees every event once; {@code subject} is the tracking number;
 * {@code appealseq} (the event's number within its appeal) and {@code visibility} are extension attributes.
 */
public final class CloudEventJson {

    public static final String SPEC_VERSION = "1.0";
    /** The Kafka {@code content-type} header of a structured-mode record. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final ObjectMapper mapper;
    private final String source;

    public CloudEventJson(ObjectMapper mapper, String source) {
        this.mapper = mapper;
        this.source = source;
    }

    public String write(FeedEvent event) {
        ObjectNode ce = mapper.createObjectNode();
        ce.put("specversion", SPEC_VERSION);
        ce.put("id", Long.toString(event.id()));
        ce.put("source", source);
        ce.put("type", event.cloudEventType());
        ce.put("subject", event.trackingNo());
        ce.put("time", event.occurredAt().toString());
        ce.put("datacontenttype", "application/json");
        ce.put("appealseq", event.seq());
        ce.put("visibility", event.internal() ? "internal" : "public");
        ObjectNode data = ce.putObject("data");
        data.put("trackingNo", event.trackingNo());
        data.put("seq", event.seq());
        data.put("type", event.type());
        data.put("actor", event.actor());
        if (event.reason() != null) {
            data.put("reason", event.reason());
        }
        data.set("payload", payload(event.payload()));
        try {
            return mapper.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write event " + event.id() + " as a CloudEvent", e);
        }
    }

    /** The stored payload is the event record's JSON; should a row hold anything else, it travels as text. */
    private JsonNode payload(String stored) {
        try {
            JsonNode node = mapper.readTree(stored);
            return node == null ? mapper.nullNode() : node;
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(stored);
        }
    }
}
