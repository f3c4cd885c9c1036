package cn.huiyin.notify.wecom.domain;

import java.util.Set;

/**
 * What WeCom answered to {@code message/send}: its errcode and errmsg, and the users it could not reach although the
 * call as such succeeded ({@code invaliduser}, {@code unlicenseduser}: errcode 0, yet nobody got the message).
 */
public record WecomAnswer(int errcode, String errmsg, String unreached) {

    /** 40014 invalid access_token, 42001 access_token expired: fetch a new token and send once more. */
    static final Set<Integer> TOKEN_REFUSED = Set.of(40014, 42001);
    /** -1 system busy, 45009 API rate limit reached: back off and try later. */
    static final Set<Integer> TRY_LATER = Set.of(-1, 45009);

    public boolean tokenRefused() {
        return TOKEN_REFUSED.contains(errcode);
    }

    /** The outcome of this answer as the last word (a refused token here was refused after a refresh too). */
    public Delivery delivery() {
        if (errcode == 0) {
            return unreached == null || unreached.isBlank() ? new Delivery.Sent()
                    : new Delivery.Refused("WeCom did not reach user " + unreached.strip());
        }
        String said = "errcode " + errcode + (errmsg == null || errmsg.isBlank() ? "" : " " + errmsg.strip());
        if (TRY_LATER.contains(errcode) || tokenRefused()) {
            return new Delivery.TryLater(said);
        }
        return new Delivery.Refused(said);
    }
}
