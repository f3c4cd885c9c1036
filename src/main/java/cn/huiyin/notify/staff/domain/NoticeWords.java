package cn.huiyin.notify.staff.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.EscalationStep;

/**
 * What a notice says (Chinese), the same in the app and in WeCom: a title naming the step, the clock and the appeal,
 * and a body saying what happened and what the reader is asked to do. Every part is short and bounded (the appeal's
 * title is at most 50 characters), so the text stays within WeCom's card limits (title 128, description 512 bytes).
 */
public final class NoticeWords {

    /** A notice's title and body. */
    public record Text(String title, String body) {
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    private NoticeWords() {
    }

    public static Text of(Escalation escalation, String trackingNo, String appealTitle, Audience audience) {
        String clock = clockLabel(escalation.clock());
        String title = "【" + escalation.step().label() + "】" + clock + "时限 · 诉求 " + trackingNo.strip();
        return new Text(title, situation(escalation, clock, appealTitle) + request(audience));
    }

    private static String situation(Escalation escalation, String clock, String appealTitle) {
        String appeal = "诉求「" + (appealTitle == null ? "" : appealTitle.strip()) + "」";
        return switch (escalation.step()) {
            case WARNING -> appeal + "的" + clock + "时限已用去" + EscalationStep.WARNING_PERCENT + "%。";
            case OVERDUE -> appeal + "的" + clock + "时限已于 " + MINUTES.format(escalation.dueAt()) + "（北京时间）届满，尚未完成。";
            case SUPERVISION -> appeal + "的" + clock + "时限超时已满一个工作日，已列入督办。";
            case EXPIRY -> appeal + "的" + clock + "时限已到。";
        };
    }

    private static String request(Audience audience) {
        return switch (audience) {
            case HOLDER -> "请尽快办理。";
            case UNIT_LEADERS -> "请督促本单位尽快办结。";
            case SUPERVISION_DESK -> "请跟进督办。";
            case DISTRICT_LEADERS -> "特此报告。";
        };
    }

    /** The clock's Chinese name; a clock this version does not know is shown as it is. */
    static String clockLabel(String clock) {
        for (ClockKind kind : ClockKind.values()) {
            if (kind.name().equals(clock)) {
                return kind.label();
            }
        }
        return clock;
    }
}
