package cn.huiyin.workqueue.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;

/**
 * What the parent's answer means for its merged duplicates (并单): each child shows the answer in its public timeline,
 * naming the parent, and its own appellant hears it on the child's own channel.
 */
public final class MergedAnswers {

    /** A merged duplicate of the appeal being answered. */
    public record Child(long id, String trackingNo, String channel) {
    }

    /** The children's events by appeal id, and the outbox rows that tell their appellants. */
    public record Answers(Map<Long, List<NewEvent>> events, List<OutboxRow> notices) {

        public boolean isEmpty() {
            return events.isEmpty();
        }
    }

    /** The status a child's notice reports: it stays merged, whatever the parent becomes. */
    public static final String CHILD_STATUS = "MERGED";

    private MergedAnswers() {
    }

    public static Answers of(List<Child> children, String answer, String parentTrackingNo, String actor, Instant now) {
        Map<Long, List<NewEvent>> events = new LinkedHashMap<>();
        List<OutboxRow> notices = new ArrayList<>();
        for (Child child : children) {
            AppealEvent.RepliedWithParent event = new AppealEvent.RepliedWithParent(answer, parentTrackingNo);
            events.put(child.id(), List.of(NewEvent.of(event, actor, now, null, Visibility.PUBLIC)));
            notices.add(OutboxRow.of(child.id(), new AppealNotice.Replied(answer, parentTrackingNo, child.trackingNo(),
                    child.channel(), CHILD_STATUS)));
        }
        return new Answers(events, notices);
    }
}
