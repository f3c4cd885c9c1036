package cn.huiyin.channel.phone.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.channel.phone.domain.CallEvent;
import cn.huiyin.channel.phone.domain.CallRecord;
import cn.huiyin.channel.phone.domain.CallerNumbers;
import cn.huiyin.channel.phone.domain.Direction;
import cn.huiyin.channel.phone.persistence.CallLogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Keeps one record per call from events that may come twice or out of order, and the call-back queue:
 * a missed inbound call opens a task, an answered outbound call to that number closes it.
 */
@ApplicationScoped
public class CallLogService {

    @Inject
    Pool pool;

    @Inject
    CallLogRepository calls;

    public Uni<CallRecord> record(CallEvent event) {
        return pool.withTransaction(tx -> calls.lock(tx, event.callId()).chain(current -> {
            CallRecord merged = current.apply(event);
            Uni<Void> work = calls.save(tx, merged);
            if (merged.missed() && merged.from() != null) {
                work = work.chain(() -> calls.openCallback(tx, merged, CallerNumbers.comparable(merged.from())));
            }
            if (merged.direction() == Direction.IN && merged.answeredAt() != null) {
                // an answer that arrived after its hangup: the call was not missed after all
                work = work.chain(() -> calls.closeOwnCallback(tx, merged.callId(), merged.answeredAt()));
            }
            if (merged.direction() == Direction.OUT && merged.answeredAt() != null && merged.to() != null) {
                work = work.chain(() -> calls.closeCallbacks(tx, CallerNumbers.comparable(merged.to()), merged.callId(),
                        merged.answeredAt()));
            }
            return work.replaceWith(merged);
        }));
    }
}
