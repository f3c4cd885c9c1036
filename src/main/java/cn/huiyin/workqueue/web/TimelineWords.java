package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiyin.appeal.application.AppealView.TimelineEntry;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.sla.domain.ClockKind;

/**
 * The internal timeline in the words of the commissioner's page. The stored events keep their audit form (actor
 * ids such as {@code agent:li-min}, the router's reasons in English, clock codes), which the hash chain seals;
 * this turns them into Chinese, with the catalogue's names for categories and units, when the page is drawn.
 */
final class TimelineWords {

    /** One line of the page's timeline. */
    record Step(Instant at, String label, boolean internal, String actor, String note) {
    }

    private static final Map<String, String> ACTORS = Map.ofEntries(
            Map.entry("agent", "话务员"), Map.entry("commissioner", "服务专员"), Map.entry("unit-leader", "单位领导"),
            Map.entry("dispatcher", "派单员"), Map.entry("district-leader", "区领导"), Map.entry("admin", "管理员"),
            Map.entry("enterprise", "企业"));

    private static final Map<String, String> SYSTEM_JOBS = Map.of(
            "intake", "系统（受理）", "assignment", "系统（分配）", "sla", "系统（时限）",
            "evaluation", "系统（评价）", "demo-history", "系统（演示历史）", "supervision", "系统（督办）");

    private static final Pattern CATALOGUE = Pattern.compile("catalogue: (\\S+) → (\\S+)");
    private static final Pattern CLASSIFIER = Pattern.compile("classifier: (\\S+) at ([0-9.]+); (.*)");
    private static final Pattern NOT_SURE = Pattern.compile(
            "routing is not sure: best (\\S+) at ([0-9.]+), threshold ([0-9.]+)");
    private static final Pattern NOT_IN_CATALOGUE = Pattern.compile("category (\\S+) is not in the catalogue");
    private static final Pattern BY_DISPATCHER = Pattern.compile("category (\\S+) is placed by a dispatcher");
    private static final Pattern STREET = Pattern.compile("local matter of street (\\S+)");
    private static final Pattern ESCALATION = Pattern.compile("([A-Z_]+) (\\S+)");

    private TimelineWords() {
    }

    static List<Step> of(List<TimelineEntry> timeline, Catalogue catalogue) {
        return timeline.stream().map(e -> new Step(e.at(), e.label(), "INTERNAL".equals(e.visibility()), actor(e.actor()),
                e.detail() != null ? e.detail() : reason(e.reason(), catalogue))).toList();
    }

    /** {@code agent:li-min} → 话务员 li-min; {@code system:sla} → 系统（时限）; a WeChat follower stays anonymous. */
    static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return "";
        }
        int colon = actor.indexOf(':');
        String kind = colon < 0 ? actor : actor.substring(0, colon);
        String who = colon < 0 ? "" : actor.substring(colon + 1);
        return switch (kind) {
            case "system" -> SYSTEM_JOBS.getOrDefault(who, "系统");
            case "web" -> "企业（网页）";
            case "wechat" -> "企业（微信）";
            case "appellant" -> "企业";
            case "anonymous" -> "匿名";
            default -> ACTORS.containsKey(kind) ? (ACTORS.get(kind) + " " + who).strip() : actor;
        };
    }

    /** The router's and the clocks' reasons in Chinese; what a person typed is shown as typed. */
    static String reason(String reason, Catalogue catalogue) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        Matcher m;
        if ((m = CLASSIFIER.matcher(reason)).matches()) {
            return "智能分拨选定“" + category(m.group(1), catalogue) + "”（把握度 " + m.group(2) + "）；"
                    + reason(m.group(3), catalogue);
        }
        if ((m = CATALOGUE.matcher(reason)).matches()) {
            return "按派单目录：" + category(m.group(1), catalogue) + " → " + unit(m.group(2), catalogue);
        }
        if ((m = NOT_SURE.matcher(reason)).matches()) {
            return "智能分拨把握不足（最可能为“" + category(m.group(1), catalogue) + "”，把握度 " + m.group(2) + "，低于 "
                    + m.group(3) + "），由派单员分拨";
        }
        if ((m = NOT_IN_CATALOGUE.matcher(reason)).matches()) {
            return "分类 " + m.group(1) + " 不在派单目录中，由派单员分拨";
        }
        if ((m = BY_DISPATCHER.matcher(reason)).matches()) {
            return "“" + category(m.group(1), catalogue) + "”类诉求由派单员分拨";
        }
        if ((m = STREET.matcher(reason)).matches()) {
            return "属地事项，交" + unit(m.group(1), catalogue);
        }
        if (reason.equals("local matter, but the enterprise's street is not known")) {
            return "属地事项，企业所在街道不明，由派单员分拨";
        }
        if (reason.equals("no category given")) {
            return "未选择分类，由派单员分拨";
        }
        if (reason.equals("not signed for in time")) {
            return "未按时签收，收回待重新分配";
        }
        if ((m = ESCALATION.matcher(reason)).matches()) {
            String clock = clockLabel(m.group(1));
            if (clock != null) {
                return clock + " " + m.group(2);
            }
        }
        return reason;
    }

    private static String category(String code, Catalogue catalogue) {
        DispatchRule rule = catalogue.rules().get(code);
        return rule == null ? code : rule.name();
    }

    private static String unit(String code, Catalogue catalogue) {
        return catalogue.unitNames().getOrDefault(code, code);
    }

    private static String clockLabel(String code) {
        for (ClockKind kind : ClockKind.values()) {
            if (kind.name().equals(code)) {
                return kind.label();
            }
        }
        return null;
    }
}
