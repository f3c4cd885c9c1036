package cn.huiyin.appeal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.shared.outbox.OutboxHandler.PermanentFailure;
import cn.huiyin.shared.outbox.OutboxMessage;

/** Every outbox type reads back as the notice that was written; what cannot be read is said so. */
class AppealNoticesTest {

    private final AppealNotices notices = new AppealNotices();

    {
        notices.json = new ObjectMapper();
    }

    private static OutboxMessage row(AppealNotice notice) {
        OutboxRow row = OutboxRow.of(42, notice);
        return new OutboxMessage(7, row.appealId(), row.type(), row.payload(), 0);
    }

    @Test
    void every_notice_reads_back_as_written() {
        List<AppealNotice> written = List.of(
                new AppealNotice.Received("2612070000013", "WEB", "DISPATCHED", "TAX", "TAX_SERVICE", "HELP", true,
                        "2026-12-07T02:00:00Z"),
                new AppealNotice.Received("2612070000021", "PHONE", "RECEIVED", null, null, "CONSULT", false,
                        "2026-12-07T02:00:00Z"),
                new AppealNotice.Accepted("zhou", "2612070000013", "WEB", "ACCEPTED"),
                new AppealNotice.Contacted("2612070000013", "WEB", "HANDLING"),
                new AppealNotice.Replied("已办结", null, "2612070000013", "WECHAT", "REPLIED"),
                new AppealNotice.Replied("已办结", "2612070000021", "2612070000013", "PHONE", "MERGED"),
                new AppealNotice.RatingRequested("2612070000013", "WEB", 2, 1765000000L),
                new AppealNotice.Rated("2612070000013", "WEB", 1, 2, false, false),
                AppealNotice.Relayed.contested(new AppealEvent.RatingContested(1, "超出职责")),
                AppealNotice.Relayed.reviewDecided(new AppealEvent.RatingReviewDecided(1, true, true)),
                AppealNotice.Relayed.visited(new AppealEvent.ReturnVisited(1, "REACHED", true, 4, false, false, "已解决")),
                AppealNotice.Relayed.escalated(new AppealEvent.Escalated("HANDLE", "OVERDUE", "2026-12-07T02:00:00Z",
                        "commissioner,unit-leader")));
        for (AppealNotice notice : written) {
            assertThat(notices.read(row(notice))).as(notice.type()).contains(notice);
        }
    }

    @Test
    void a_type_this_version_does_not_know_reads_as_nothing() {
        assertThat(notices.read(new OutboxMessage(1, 1, "SomethingNew", "{}", 0))).isEmpty();
    }

    @Test
    void an_unreadable_row_is_a_permanent_failure_and_never_matches_a_handler() {
        OutboxMessage broken = new OutboxMessage(3, 1, "AppealReplied", "{\"answer\":", 0);
        assertThatThrownBy(() -> notices.read(broken)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("AppealReplied row 3");
        assertThat(notices.readAs(broken, AppealNotice.Replied.class)).isEmpty();
        OutboxMessage mistyped = new OutboxMessage(4, 1, "RatingRequested", "{\"trackingNo\":\"x\",\"round\":\"two\"}", 0);
        assertThatThrownBy(() -> notices.read(mistyped)).isInstanceOf(PermanentFailure.class);
    }

    @Test
    void read_as_filters_by_type() {
        OutboxMessage replied = row(new AppealNotice.Replied("a", null, "2612070000013", "WEB", "REPLIED"));
        assertThat(notices.readAs(replied, AppealNotice.Replied.class)).isPresent();
        assertThat(notices.readAs(replied, AppealNotice.Received.class)).isEmpty();
    }
}
