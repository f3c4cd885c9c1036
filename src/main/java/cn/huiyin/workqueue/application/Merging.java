package cn.huiyin.workqueue.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.application.AppealRecords;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.workqueue.domain.MergedAnswers;
import cn.huiyin.workqueue.persistence.WorkQueueRepository;
import cn.huiyin.workqueue.persistence.WorkQueueRepository.Locked;
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
                    MergedAnswers.Answers answers = MergedAnswers.of(children.stream()
                            .map(child -> new MergedAnswers.Child(child.id(), child.trackingNo(), child.channel())).toList(),
                            answer, parent.trackingNo(), caller.actor(), now);
                    if (answers.isEmpty()) {
                        return Uni.createFrom().item(List.<String> of());
                    }
                    return events.append(tx, answers.events())
                            .chain(() -> events.notifyAll(tx, answers.notices()))
                            .replaceWith(List.<String> of());
                });
    }
}
