package cn.huiyin.channel.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a submission: the tracking number (also grouped for reading aloud), where to follow the
 * appeal, and — for a submitter who is not signed in — the query code needed to look it up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealReceipt(String trackingNo, String trackingNoSpoken, String statusUrl, String queryCode,
        boolean replayed) {
}
