-- The integrators' event feed (cn.huiyin.feed, docs/events.md): how far it has published appeal_event to Kafka.
-- Every appeal_event with id <= position has been acknowledged by the broker (or left out, for an internal event
-- while internal events are not published). One replica publishes at a time: the row is locked while it does.
CREATE TABLE event_feed_cursor (
    name        varchar(32)  PRIMARY KEY,
    position    bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO event_feed_cursor (name) VALUES ('kafka');
