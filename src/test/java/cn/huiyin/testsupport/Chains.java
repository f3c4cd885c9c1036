package cn.huiyin.testsupport;

import java.time.Duration;

import cn.huiyin.appeal.domain.ChainEntry;
import cn.huiyin.appeal.domain.ChainVerification;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.StoredLink;
import cn.huiyin.appeal.persistence.AppealReadRepository;

/** An appeal's hash chain recomputed from its stored events, checked against the appeal's head. */
public final class Chains {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Chains() {
    }

    public static ChainVerification verify(AppealReadRepository appeals, String trackingNo) {
        var appeal = appeals.find(trackingNo).await().atMost(PATIENCE).orElseThrow();
        var links = appeals.events(appeal.id()).await().atMost(PATIENCE).stream()
                .map(e -> new StoredLink(new ChainEntry(appeal.trackingNo(), e.seq(), e.type(), e.actor(), e.occurredAt(),
                        e.reason(), e.payload()), e.previousHash(), e.hash()))
                .toList();
        return EventChain.verify(links, appeal.eventCount(), appeal.lastEventHash());
    }
}
