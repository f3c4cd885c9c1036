package cn.huiyin.architecture.planted.application;

import cn.huiyin.appeal.domain.OutboxRow;

/** Breaks "notices are typed": an outbox row written by hand instead of from an AppealNotice record. */
public class HandBuiltNotice {

    public OutboxRow build() {
        return new OutboxRow(1, "AppealReplied", "{\"answer\":\"hi\"}");
    }
}
