package cn.huiyin.notify.staff.domain;

/** A notice about to be stored: one escalation, one person, the words they read, and the channel beside the app. */
public record NoticeDraft(Escalation escalation, String trackingNo, Recipient recipient, NoticeWords.Text text,
        NoticeChannel channel) {
}
