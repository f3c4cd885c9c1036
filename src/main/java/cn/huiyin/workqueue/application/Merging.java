package cn.huiyin.workqueue.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.workqueue.persistence.WorkQueueRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.MergedChild;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Merged duplicates (并单): a child follows its parent and receives the parent's answer on its own channel. */
@ApplicationScoped
public class Merging {

    @Inject
    AppealRecords events;

    @Inject
    WorkQueueRepository appeals;

    /** In the parent's reply transaction: each child gets the answer in its timeline and on its channel. */
    public Uni<List<String>> answerChildren(SqlConnection tx, Locked parent, String answer, Caller caller, Instant now) {
        return appeals.mergedChildren(tx, parent.id())
                .chain(children -> {
                    Map<Long, List<NewEvent>> answered = new LinkedHashMap<>();
                    List<OutboxRow> notices = new ArrayList<>();
                    for (MergedChild child : children) {
                        AppealEvent.RepliedWithParent event = new AppealEvent.RepliedWithParent(answer, parent.trackingNo());
                        answered.put(child.id(), List.of(NewEvent.of(event, caller.actor(), now, null, Visibility.PUBLIC)));
                        notices.add(OutboxRow.of(child.id(), new AppealNotice.Replied(answer, parent.trackingNo(),
                                child.trackingNo(), child.channel(), "MERGED")));
                    }
                    if (answered.isEmpty()) {
                        return Uni.createFrom().item(List.<String> of());
                    }
                    return events.append(tx, answered)
                            .chain(() -> events.notifyAll(tx, notices))
                            .replaceWith(List.<String> of());
                });
    }
}
