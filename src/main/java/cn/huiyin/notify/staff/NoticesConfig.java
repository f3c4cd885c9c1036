package cn.huiyin.notify.staff;

import java.util.List;
import java.util.Map;

import cn.huiyin.notify.staff.domain.Audience;
import cn.huiyin.notify.staff.domain.DeskRole;
import cn.huiyin.notify.staff.domain.NoticeRules;
import cn.huiyin.sla.domain.EscalationStep;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who hears of which ladder step, and where the supervision desk is ({@code huiyin.notices.*}). */
@ConfigMapping(prefix = "huiyin.notices")
public interface NoticesConfig {

    /** The audiences of each step, in the order they are told (names of {@link Audience}, comma-separated). */
    Audiences audiences();

    /** The district's supervision desk (督办). */
    Desk supervisionDesk();

    /** Notices the in-app list shows when the request names no limit (the page always). */
    @WithDefault("50")
    int listLimit();

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

    default NoticeRules rules() {
        return new NoticeRules(Map.of(EscalationStep.WARNING, audiences().warning(),
                EscalationStep.OVERDUE, audiences().overdue(),
                EscalationStep.SUPERVISION, audiences().supervision()));
    }

    default DeskRole desk() {
        return new DeskRole(supervisionDesk().unit(), supervisionDesk().role());
    }
}
