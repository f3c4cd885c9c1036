package cn.huiyin.appeal.domain;

/** A row for the outbox relay: what happened to an appeal, for delivery after the commit. */
public record OutboxRow(long appealId, String type, String payload) {

    public static OutboxRow of(long appealId, AppealNotice notice) {
        return new OutboxRow(appealId, notice.type(), AppealEventCodec.payload(notice));
    }
}
