package cn.huiyin.intake;

import java.time.Instant;

/**
 * The one message every channel puts on the intake stream. The tracking number is chosen by the channel
 * before sending, so the caller can be told it as soon as the stream has taken the appeal.
 *
 * @param dedupeKey  channel-scoped idempotency key (web Idempotency-Key, WeChat MsgId, CTI eventId), or null
 * @param requestHash SHA-256 of what the caller sent, to refuse a reused key with a different body
 * @param identity   how sure we are of the enterprise: AUTHENTICATED, DECLARED, MISSING
 * @param callId     the phone call the appeal came from (recordings and transcripts attach by it), or null
 * @param replyTo    where to answer on the appeal's own channel (WeChat: {@code <account>/<openid>}), or null
 */
public record IntakeEnvelope(
        String trackingNo,
        String channel,
        String dedupeKey,
        String requestHash,
        Instant receivedAt,
        String actor,
        String identity,
        String uscc,
        String enterpriseName,
        String contactName,
        String mobile,
        String mobileOriginal,
        String title,
        String content,
        String appealType,
        String category,
        boolean urgent,
        String callId,
        String replyTo) {

    /** The same envelope with the enterprise's name filled in (a channel that knows only the USCC). */
    public IntakeEnvelope withEnterpriseName(String name) {
        return new IntakeEnvelope(trackingNo, channel, dedupeKey, requestHash, receivedAt, actor, identity, uscc, name,
                contactName, mobile, mobileOriginal, title, content, appealType, category, urgent, callId, replyTo);
    }
}
