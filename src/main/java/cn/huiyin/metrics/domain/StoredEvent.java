package cn.huiyin.metrics.domain;

import java.time.Instant;

import cn.huiyin.appeal.domain.AppealEvent;

/**
 * One appeal event as the projection reads it: its place in the appeal's chain, when it happened, and the typed
 * event. {@code event} is null for a row this version cannot read (a type it has no record for, or a payload that
 * is not its type's): such a row moves no figure, but its seq still counts as folded.
 */
public record StoredEvent(int seq, Instant occurredAt, AppealEvent event) {

    /** A row that could not be read as an event. */
    public static StoredEvent unread(int seq, Instant occurredAt) {
        return new StoredEvent(seq, occurredAt, null);
    }
}
