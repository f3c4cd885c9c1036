package cn.huiyin.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.huiyin.shared.domain.FieldLabel;
import cn.huiyin.shared.domain.FieldRules;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Text;

/**
 * A proposed line of the dispatch catalogue: a category, the unit rule that places it (a unit's code, STREET for
 * local matters, DISPATCH for a person to decide), its urgent window, its keywords, and from when it applies.
 */
public record CatalogueLine(String category, String name, String unitRule, Integer urgentHours, String keywords,
        Instant effectiveFrom, String reason) {

    /** A change may be dated a little in the past (clock skew, form filled a minute ago), never rewrite history. */
    static final Duration BACKDATING_TOLERANCE = Duration.ofMinutes(5);

    private static final FieldLabel CATEGORY = new FieldLabel("category", "Category", "分类编码");

    public List<FieldViolation> check(Set<String> unitCodes, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (category == null) {
            violations.add(CATEGORY.violation("missing", "Category is required", "须填写分类编码"));
        } else {
            FieldRules.categoryCode(CATEGORY, category).ifPresent(violations::add);
        }
        if (name == null || Text.isAbsent(name) || Text.hasControlCharacter(name) || Text.length(name) > 100) {
            violations.add(new FieldViolation("name", "name.length", "name is 1 to 100 characters", "分类名称为1至100个字"));
        }
        if (unitRule == null || !(unitCodes.contains(unitRule) || DispatchRule.BY_STREET.equals(unitRule)
                || DispatchRule.BY_DISPATCHER.equals(unitRule))) {
            violations.add(new FieldViolation("unitRule", "unitRule.unknown", "unitRule is a unit's code, STREET or DISPATCH",
                    "承办规则须为承办单位编码、STREET(属地街道)或DISPATCH(人工分拨)"));
        }
        if (urgentHours != null && (urgentHours < 1 || urgentHours > 72)) {
            violations.add(new FieldViolation("urgentHours", "urgentHours.range", "urgentHours is 1 to 72", "紧急时限为1至72小时"));
        }
        if (keywords != null && (Text.hasControlCharacter(keywords) || keywords.length() > 1000)) {
            violations.add(new FieldViolation("keywords", "keywords.length", "keywords are at most 1000 characters",
                    "关键词不超过1000个字"));
        }
        if (effectiveFrom != null && effectiveFrom.isBefore(now.minus(BACKDATING_TOLERANCE))) {
            violations.add(new FieldViolation("effectiveFrom", "effectiveFrom.past",
                    "effectiveFrom cannot be in the past: history is not rewritten", "生效时间不能早于当前时间"));
        }
        if (reason == null || Text.isAbsent(reason) || Text.hasControlCharacter(reason) || Text.length(reason) > 500) {
            violations.add(new FieldViolation("reason", "reason.length", "a reason of 1 to 500 characters is required",
                    "须填写1至500字的变更原因"));
        }
        return violations;
    }
}
