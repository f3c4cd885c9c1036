package cn.huiyin.architecture.planted.application;

import java.time.Instant;

import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;

/** Breaks "events are typed": a payload written by hand instead of an AppealEvent record. */
public class HandBuiltEvent {

    public NewEvent build() {
        return new NewEvent("REPLIED", "x", Instant.EPOCH, null, Visibility.PUBLIC, "{\"answer\":\"hi\"}");
    }
}
