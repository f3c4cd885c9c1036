package cn.huiyin.workqueue.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.appeal.persistence.AppealEventAppender;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.workqueue.persistence.WorkQueueRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Merged duplicates (并单): a child follows its parent and receives the parent's answer on its own channel. */
@ApplicationScoped
public class Merging {

    @Inject
    AppealEventAppender events;

    @Inject
    WorkQueueRepository appeals;

    /** In the parent's reply transaction: each child gets the answer in its timeline and on its channel. */
    public Uni<List<String>> answerChildren(SqlConnection tx, Locked parent, String answer, Caller caller, Instant now) {
        return tx.preparedQuery("SELECT id, tracking_no, channel FROM appeal WHERE parent_id = $1 AND status = 'MERGED' ORDER BY id")
                .execute(Tuple.of(parent.id()))
                .chain(rows -> {
                    Map<Long, List<NewEvent>> answered = new LinkedHashMap<>();
                    List<Tuple> notices = new ArrayList<>();
                    for (Row child : rows) {
                        Map<String, Object> payload = new LinkedHashMap<>();
                        payload.put("answer", answer);
                        payload.put("parent", parent.trackingNo());
                        answered.put(child.getLong("id"), List.of(new NewEvent("REPLIED_WITH_PARENT", caller.actor(), now,
                                null, Visibility.PUBLIC, JsonText.object(payload))));
                        Map<String, Object> notice = new LinkedHashMap<>(payload);
                        notice.put("trackingNo", child.getString("tracking_no"));
                        notice.put("channel", child.getString("channel"));
                        notice.put("status", "MERGED");
                        notices.add(Tuple.of(child.getLong("id"), "AppealReplied", JsonText.object(notice)));
                    }
                    if (answered.isEmpty()) {
                        return Uni.createFrom().item(List.<String> of());
                    }
                    return events.append(tx, answered)
                            .chain(() -> tx.preparedQuery("INSERT INTO outbox (appeal_id, event_type, payload) VALUES ($1, $2, $3)")
                                    .executeBatch(notices))
                            .replaceWith(List.<String> of());
                });
    }
}
