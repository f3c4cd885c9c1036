package cn.huiyin.metrics.domain;

import java.util.function.Predicate;

/**
 * The counted sets of appeals behind every figure. Rollups hold how many appeals of a day are in each set; the
 * drill-down lists the appeals of a set; both take membership from {@link #test}, stored per appeal as a bit.
 */
public enum Count {
    RECEIVED("受理诉求", f -> true),
    DISPATCHED("已派单", f -> f.dispatchedAt() != null),
    RESPOND_DUE("应响应", f -> f.respondOnTime() != null),
    RESPOND_ON_TIME("按时响应", f -> Boolean.TRUE.equals(f.respondOnTime())),
    RESPOND_LATE("超时响应", f -> Boolean.FALSE.equals(f.respondOnTime())),
    HANDLE_DUE("应办结", f -> f.handleOnTime() != null),
    HANDLE_ON_TIME("按期办结", f -> Boolean.TRUE.equals(f.handleOnTime())),
    REPLIED("已答复", f -> f.repliedAt() != null),
    RATED("参评", AppealFact::rated),
    RESOLVED("已解决", f -> f.rated() && Boolean.TRUE.equals(f.ratingResolved())),
    SATISFIED("满意（3–5分）", f -> f.rated() && f.ratingLevel() >= 3),
    DEFAULT_RATED("默认评价", f -> f.rated() && f.ratingDefaulted()),
    EXCLUDED("复核剔除的评价", f -> f.ratingLevel() != null && f.ratingExcluded()),
    RETURNED("有退单", f -> f.returns() > 0),
    TRANSFERRED("有转办", f -> f.transfers() > 0),
    REWORKED("有整改", f -> f.reworks() > 0),
    OPEN("未办结", AppealFact::open),
    // new sets go last: an appeal's sets are stored as bits by position
    SUPERVISED("被督办", AppealFact::supervised),
    SUPERVISION_ON_TIME("督办单均按期答复", AppealFact::supervisionAllOnTime),
    SUPERVISION_CLIMBED("督办单升级至区领导", f -> f.supervisionClimbed() > 0);

    private final String label;
    private final Predicate<AppealFact> member;

    Count(String label, Predicate<AppealFact> member) {
        this.label = label;
        this.member = member;
    }

    public String label() {
        return label;
    }

    public int bit() {
        return 1 << ordinal();
    }

    boolean test(AppealFact fact) {
        return member.test(fact);
    }
}
