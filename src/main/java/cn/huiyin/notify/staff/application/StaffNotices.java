package cn.huiyin.notify.staff.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.notify.staff.NoticesConfig;
import cn.huiyin.notify.staff.domain.NoticeLinks;
import cn.huiyin.notify.staff.persistence.StaffNoticeRepository;
import cn.huiyin.notify.staff.persistence.StaffNoticeRepository.Stored;
import io.smallrye.mutiny.Uni;

/** A staff member's own notices in the app: the list, the unread count (the badge), marking one read. */
@ApplicationScoped
public class StaffNotices {

    /**
     * One notice as its reader sees it; {@code wecom} and {@code sms} are those channels' states, {@code link} is the
     * page their role may open ({@link NoticeLinks}).
     */
    public record Notice(long id, String trackingNo, String clock, String step, String audience, String title,
            String body, Instant dueAt, Instant createdAt, Instant readAt, boolean read, String wecom, String sms,
            String link) {

        static Notice of(Stored s) {
            return new Notice(s.id(), s.trackingNo(), s.clock(), s.step(), s.audience(), s.title(), s.body(), s.dueAt(),
                    s.createdAt(), s.readAt(), s.readAt() != null, s.wecomState(), s.smsState(),
                    NoticeLinks.pathFor(s.recipientRole(), s.trackingNo()));
        }
    }

    /** The newest notices (as many as asked for, else the configured number) and how many of all are unread. */
    public record Inbox(long unread, List<Notice> notices) {
    }

    @Inject
    StaffNoticeRepository stored;

    @Inject
    NoticesConfig config;

    @Inject
    Clock clock;

    public Uni<Inbox> inbox(String username, Integer limit) {
        int count = limit == null ? config.listLimit() : limit;
        return Uni.combine().all().unis(stored.unread(username), stored.of(username, count))
                .with((unread, notices) -> new Inbox(unread, notices.stream().map(Notice::of).toList()));
    }

    public Uni<Long> unread(String username) {
        return stored.unread(username);
    }

    /** Marks the person's notice read; the unread count after, or empty when they have no such notice. */
    public Uni<Optional<Long>> read(String username, long id) {
        return stored.markRead(id, username, clock.instant()).chain(marked -> marked
                ? stored.unread(username).map(Optional::of)
                : Uni.createFrom().item(Optional.<Long> empty()));
    }
}
