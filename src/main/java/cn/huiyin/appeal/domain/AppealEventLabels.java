package cn.huiyin.appeal.domain;

import java.util.Map;

/** Every event type's name on a Chinese page (the timeline of the lookup page, the work queue, the API's {@code label}). */
public final class AppealEventLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("RECEIVED", "已受理"),
            Map.entry("DISPATCHED", "已派单"),
            Map.entry("AWAITING_DISPATCH", "待人工派单"),
            Map.entry("EXTENDED", "已延期"),
            Map.entry("SLA_WARNING", "时限预警"),
            Map.entry("SLA_OVERDUE", "已超时"),
            Map.entry("SLA_SUPERVISION", "督办"),
            Map.entry("SUPERVISION_ORDER_ISSUED", "督办单已下发"),
            Map.entry("SUPERVISION_ORDER_ANSWERED", "督办单已答复"),
            Map.entry("SUPERVISION_ORDER_CLIMBED", "督办单逾期未复，已升级至区领导"),
            Map.entry("SUPPLEMENTED", "补充材料"),
            Map.entry("ACCEPTED", "已签收"),
            Map.entry("FIRST_CONTACT", "已联系企业"),
            Map.entry("REPLIED", "已答复"),
            Map.entry("NOTE", "办理进展"),
            Map.entry("TRANSFERRED", "已转办"),
            Map.entry("RETURNED", "已退回派单中心"),
            Map.entry("REDISPATCHED", "已改派"),
            Map.entry("RETURN_REFUSED", "退单未同意"),
            Map.entry("MERGED", "已并单"),
            Map.entry("REPLIED_WITH_PARENT", "已随主单答复"),
            Map.entry("ASSIGNED", "已分配专员"),
            Map.entry("CLAIM_EXPIRED", "认领超时退回"),
            Map.entry("EXTENSION_REQUESTED", "申请延期"),
            Map.entry("EXTENSION_REFUSED", "延期未批准"),
            Map.entry("CO_HANDLING", "协办单位加入"),
            Map.entry("PERSONAL_DATA_REVEALED", "查看联系方式"),
            Map.entry("RATING_REQUESTED", "邀请评价"),
            Map.entry("RATED", "企业评价"),
            Map.entry("REWORK_OPENED", "退回整改"),
            Map.entry("RETURN_VISITED", "已回访"),
            Map.entry("RATING_CONTESTED", "评价申诉"),
            Map.entry("RATING_REVIEW_DECIDED", "申诉复核"),
            Map.entry("CLOSED", "已归档"));

    private AppealEventLabels() {
    }

    /** The label of a stored type; an unknown type (from a newer version) is shown as it is. */
    public static String of(String type) {
        return LABELS.getOrDefault(type, type);
    }

    /** Whether the type has a label of its own. */
    public static boolean knows(String type) {
        return LABELS.containsKey(type);
    }
}
