package cn.huiyin.notify.staff.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.sla.domain.EscalationStep;

/**
 * Which audiences hear of which ladder step. The defaults climb with the step: 预警 the holder, 超时 also the unit's
 * leaders, 督办 also the supervision desk and the district leaders. Each step can be set otherwise in configuration.
 */
public record NoticeRules(Map<EscalationStep, List<Audience>> audiences) {

    public static final NoticeRules DEFAULTS = new NoticeRules(Map.of(
            EscalationStep.WARNING, List.of(Audience.HOLDER),
            EscalationStep.OVERDUE, List.of(Audience.HOLDER, Audience.UNIT_LEADERS),
            EscalationStep.SUPERVISION, List.of(Audience.HOLDER, Audience.UNIT_LEADERS, Audience.SUPERVISION_DESK,
                    Audience.DISTRICT_LEADERS)));

    public NoticeRules {
        audiences = Map.copyOf(new EnumMap<>(audiences));
    }

    /** The audiences of a step, in the order they are told; none for a step that is not a rung of the ladder. */
    public List<Audience> audiencesOf(EscalationStep step) {
        return audiences.getOrDefault(step, List.of());
    }
}
