package cn.huiyin.workqueue.web;

import java.util.Map;

import cn.huiyin.appeal.application.AppealView.TimelineEntry;
import io.quarkus.qute.TemplateExtension;

/** Chinese names for the work-queue events the appeal view has no label for yet ({@code {e.labelZh}}). */
final class TimelineLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ASSIGNED", "已分配承办人"),
            Map.entry("CLAIM_EXPIRED", "认领超时释放"),
            Map.entry("NOTE", "办理进展"),
            Map.entry("TRANSFERRED", "已转办"),
            Map.entry("RETURNED", "已退单"),
            Map.entry("REDISPATCHED", "已改派"),
            Map.entry("RETURN_REFUSED", "退单未获同意"),
            Map.entry("EXTENSION_REQUESTED", "申请延期"),
            Map.entry("EXTENSION_REFUSED", "延期未获批准"),
            Map.entry("MERGED", "已并单"),
            Map.entry("SLA_SUPERVISE", "督办"));

    private TimelineLabels() {
    }

    @TemplateExtension
    static String labelZh(TimelineEntry entry) {
        return entry.label() != null && !entry.label().equals(entry.type()) ? entry.label()
                : LABELS.getOrDefault(entry.type(), entry.type());
    }
}
