package cn.huiyin.sla.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.shared.domain.FieldLabel;
import cn.huiyin.shared.domain.FieldViolation;

/**
 * A new version of a clock rule as an administrator proposes it: which clock, what it applies to (appeal type,
 * category, urgent; absent matches anything), how long, on what legal ground, from which day, and why. Versions are
 * only ever added, so a draft that makes no sense must be refused before it is stored: it could not be taken back.
 * The request declares the same text rules, and answers them first; {@link #check} holds them for every caller, and
 * decides what needs the catalogue and the calendar.
 */
public record ClockRuleDraft(String clock, String appealType, String category, Boolean urgent, Integer amount,
        String unit, String legalSource, LocalDate effectiveFrom, String reason) {

    /** As stored ({@code clock_rule.legal_source}), in characters. */
    public static final int MAX_LEGAL_SOURCE = 200;

    /** Why the version was added: enough for a sentence or two. */
    public static final int MAX_REASON = 500;

    private static final FieldLabel LEGAL_SOURCE = new FieldLabel("legalSource", "legalSource", "法规依据");
    private static final FieldLabel REASON = new FieldLabel("reason", "reason", "变更原因");

    /**
     * What the clock reads after {@link #check} found nothing wrong.
     *
     * @throws IllegalArgumentException for a clock that is not one
     */
    public ClockKind kind() {
        return ClockKind.valueOf(clock);
    }

    /** The unit, after {@link #check}. */
    public ClockUnit clockUnit() {
        return ClockUnit.valueOf(unit);
    }

    /**
     * Everything wrong with the draft, in the order of its fields; empty when it may be stored.
     *
     * @param appealTypes the appeal types there are (an appeal of another type could never match)
     * @param categories the categories of the dispatch catalogue in force
     * @param today the day in the district's time zone: a version starts today at the earliest, never in the past
     */
    public List<FieldViolation> check(Set<String> appealTypes, Set<String> categories, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        checkClock().ifPresent(violations::add);
        if (appealType != null && !appealTypes.contains(appealType)) {
            violations.add(new FieldViolation("appealType", "appealType.unknown",
                    "appealType is one of " + String.join(", ", appealTypes.stream().sorted().toList())
                            + ", or left out for every type",
                    "诉求类型须为 " + String.join("、", appealTypes.stream().sorted().toList()) + " 之一，或不填（适用全部类型）"));
        }
        if (category != null && !categories.contains(category)) {
            violations.add(new FieldViolation("category", "category.unknown",
                    "category is not a category of the dispatch catalogue in force", "诉求分类不在现行派单目录中"));
        }
        ClockUnit known = Arrays.stream(ClockUnit.values()).filter(u -> u.name().equals(unit)).findFirst().orElse(null);
        checkAmount(known).ifPresent(violations::add);
        if (known == null) {
            violations.add(new FieldViolation("unit", "unit.unknown", "unit is one of " + Arrays.toString(ClockUnit.values()),
                    "计时单位须为 " + Arrays.toString(ClockUnit.values()) + " 之一"));
        }
        LEGAL_SOURCE.text(legalSource, true, 1, MAX_LEGAL_SOURCE).ifPresent(violations::add);
        checkEffectiveFrom(today).ifPresent(violations::add);
        REASON.text(reason, true, 1, MAX_REASON).ifPresent(violations::add);
        return violations;
    }

    /**
     * The longest limit a rule may set in each unit: a year. Published limits are hours or days; a longer one is a
     * slip of the keyboard (an extra zero), and it would keep a clock from ever warning anybody.
     */
    public static int longest(ClockUnit unit) {
        return switch (unit) {
            case NATURAL_MINUTES -> 525_600;
            case NATURAL_HOURS -> 8_760;
            case NATURAL_DAYS -> 365;
            case WORKING_HOURS -> 2_000;
            case WORKING_DAYS -> 250;
        };
    }

    private Optional<FieldViolation> checkClock() {
        Optional<ClockKind> kind = Arrays.stream(ClockKind.values()).filter(k -> k.name().equals(clock)).findFirst();
        List<String> configurable = Arrays.stream(ClockKind.values()).filter(ClockKind::configurable).map(Enum::name)
                .toList();
        if (kind.isEmpty()) {
            return Optional.of(new FieldViolation("clock", "clock.unknown", "clock is one of " + configurable,
                    "时限须为 " + configurable + " 之一"));
        }
        if (!kind.get().configurable()) {
            return Optional.of(new FieldViolation("clock", "clock.fixed", "the " + clock + " clock cannot be changed by "
                    + "a rule version: its length is tied to the rating link's lifetime; the clocks that can are "
                    + configurable, kind.get().label() + "时限与评价链接有效期相关联，不能通过新增规则版本修改"));
        }
        return Optional.empty();
    }

    /** At least 1; at most {@link #longest} of the unit, when the unit is known ({@code known} null: it is not). */
    private Optional<FieldViolation> checkAmount(ClockUnit known) {
        int most = known == null ? Integer.MAX_VALUE : longest(known);
        if (amount != null && amount >= 1 && amount <= most) {
            return Optional.empty();
        }
        return Optional.of(known == null
                ? new FieldViolation("amount", "amount.range", "amount is a whole number above 0", "时长须为大于0的整数")
                : new FieldViolation("amount", "amount.range", "amount is a whole number from 1 to " + most + " in "
                        + known, "时长须为1至" + most + "的整数"));
    }

    private Optional<FieldViolation> checkEffectiveFrom(LocalDate today) {
        if (effectiveFrom == null) {
            return Optional.of(new FieldViolation("effectiveFrom", "effectiveFrom.required",
                    "effectiveFrom is required: a date such as " + today, "请填写生效日期，如 " + today));
        }
        if (effectiveFrom.isBefore(today)) {
            return Optional.of(new FieldViolation("effectiveFrom", "effectiveFrom.past", "effectiveFrom " + effectiveFrom
                    + " is in the past: a version starts today (" + today + ") at the earliest, history is not rewritten",
                    "生效日期不能早于今天（" + today + "）"));
        }
        if (effectiveFrom.getYear() > WorkCalendar.LAST_YEAR) {
            return Optional.of(new FieldViolation("effectiveFrom", "effectiveFrom.range",
                    "effectiveFrom is in " + WorkCalendar.LAST_YEAR + " at the latest", "生效日期不能晚于" + WorkCalendar.LAST_YEAR + "年"));
        }
        return Optional.empty();
    }
}
