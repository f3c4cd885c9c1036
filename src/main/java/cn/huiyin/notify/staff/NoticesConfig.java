package cn.huiyin.notify.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.huiyin.notify.staff.domain.Audience;
import cn.huiyin.notify.staff.domain.DeskRole;
import cn.huiyin.notify.staff.domain.NoticeRules;
import cn.huiyin.sla.domain.EscalationStep;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who hears of which ladder step, where the supervision desk is, and how notices go out by SMS
 * ({@code huiyin.notices.*}).
 */
@ConfigMapping(prefix = "huiyin.notices")
public interface NoticesConfig {

    /** The audiences of each step, in the order they are told (names of {@link Audience}, comma-separated). */
    Audiences audiences();

    /** The district's supervision desk (督办). */
    Desk supervisionDesk();

    /** Notices the in-app list shows when the request names no limit (the page always). */
    @WithDefault("50")
    int listLimit();

    /** Notices by SMS to a work mobile, for those WeCom does not reach (sent through {@code huiyin.sms.*}). */
    Sms sms();

    interface Audiences {
        /** 预警: 80% of the clock used. */
        @WithDefault("HOLDER")
        List<Audience> warning();

        /** 超时: the clock ran out. */
        @WithDefault("HOLDER,UNIT_LEADERS")
        List<Audience> overdue();

        /** 督办: one working day after running out. */
        @WithDefault("HOLDER,UNIT_LEADERS,SUPERVISION_DESK,DISTRICT_LEADERS")
        List<Audience> supervision();
    }

    interface Desk {
        /** The unit whose staff stand for the desk (the district centre). */
        @WithDefault("DRC")
        String unit();

        /** Their role there. */
        @WithDefault("dispatcher")
        String role();
    }

    interface Sms {
        /** The gateway's template; parameters {@code step}, {@code clock}, {@code trackingNo}, {@code link}. */
        @WithDefault("STAFF_ESCALATION")
        String template();

        /** The service's public address: the SMS links to a page there, by the recipient's role. */
        String publicBaseUrl();

        /** How often due messages are sent ({@code off} disables the sender on this replica). */
        @WithDefault("5s")
        String sendEvery();

        /** Messages taken per round, sent one after another. */
        @WithDefault("20")
        int batch();

        /** How long a taken message is reserved for this replica before another may try it. */
        @WithDefault("60s")
        Duration lease();

        /** Attempts before a message the gateway keeps putting off is given up (the notice stays in the app). */
        @WithDefault("8")
        int maxAttempts();
    }

    default NoticeRules rules() {
        return new NoticeRules(Map.of(EscalationStep.WARNING, audiences().warning(),
                EscalationStep.OVERDUE, audiences().overdue(),
                EscalationStep.SUPERVISION, audiences().supervision()));
    }

    default DeskRole desk() {
        return new DeskRole(supervisionDesk().unit(), supervisionDesk().role());
    }
}
