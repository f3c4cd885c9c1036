package cn.huiyin.workqueue.web;

import java.util.Map;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.shared.web.Problem;

/**
 * What the staff pages say, in Chinese, when a service refuses a step (the services speak English problem
 * documents to API clients) and when a step succeeded.
 */
final class PageMessages {

    /** The success notice after the redirect, by the {@code ok} code in its query string. */
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("claim", "已认领，请尽快签收"),
            Map.entry("accept", "已签收"),
            Map.entry("first-contact", "已记录首次联系"),
            Map.entry("note", "已记录办理进展"),
            Map.entry("reply", "已答复企业"),
            Map.entry("transfer", "已转办"),
            Map.entry("return", "已退单，等待派单员处理"),
            Map.entry("extension", "已提交延期申请"),
            Map.entry("dispatch", "已派单"),
            Map.entry("redispatch", "已同意退回并改派"),
            Map.entry("refuse-return", "已不同意退回，诉求退回原单位办理"),
            Map.entry("merge", "已并单"),
            Map.entry("approve", "已批准延期"),
            Map.entry("refuse", "已不批准延期"));

    /** A refusal's English detail (a fragment of it) and what the page says instead. */
    private static final String[][] CONFLICTS = {
            { "another commissioner", "该诉求已由其他承办人认领或签收" },
            { "can be claimed", "只有尚未签收的诉求可以认领" },
            { "return window", "退单时限已过：请本单位办理或转办" },
            { "already waiting", "该诉求已有待审批的延期申请" },
            { "clock is running", "该时限未在计时，不能申请延期" },
            { "already been decided", "该延期申请已处理" },
            { "nothing more can be done", "诉求已归档或已并单，不能再操作" } };

    private PageMessages() {
    }

    static String done(String code) {
        return code == null ? null : DONE.get(code);
    }

    /** The Chinese sentence for a refused step (409) or a rejected input (400/422). */
    static String of(Problem problem) {
        String detail = problem.detail() == null ? "" : problem.detail();
        if (problem.status() == 409) {
            return conflict(detail);
        }
        String field = problem.field() == null ? "" : problem.field();
        switch (field) {
            case "toUnit":
                if (detail.contains("already with")) {
                    return "诉求已在该单位，请选择其他单位";
                }
                return detail.contains("re-dispatch") ? "改派不能派回退单的单位；如需退回原单位，请选择“不同意退回”"
                        : "请选择有效的承办单位";
            case "category":
                return "请选择派单目录中的诉求分类";
            case "unit":
                return detail.contains("places") ? "该分类由派单目录指定承办单位，请不要另选单位"
                        : "该分类需由派单员指定承办单位（属地事务请选择街道）";
            case "parent":
                return "主诉求须为另一件尚未办结、未被并单的诉求";
            case "trackingNo":
                return "诉求编号格式不正确";
            default:
                return "输入有误，请检查后重试";
        }
    }

    private static String conflict(String detail) {
        for (String[] known : CONFLICTS) {
            if (detail.contains(known[0])) {
                return known[1];
            }
        }
        for (AppealStatus status : AppealStatus.values()) {
            if (detail.endsWith("an appeal that is " + status.name())) {
                return "诉求当前为“" + status.label() + "”状态，不能执行此操作";
            }
        }
        return "当前不能执行此操作，请刷新后重试";
    }
}
