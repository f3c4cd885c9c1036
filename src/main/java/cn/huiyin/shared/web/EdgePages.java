package cn.huiyin.shared.web;

import java.util.Locale;

/**
 * The small Chinese page a browser gets when a request is refused before any page could render it (a form too large
 * to read, a malformed one, an internal failure): a person sees what happened and a way on, never a stack trace.
 */
public final class EdgePages {

    private EdgePages() {
    }

    /** A browser asks for HTML first; API clients ask for JSON or anything. */
    public static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        int html = lower.indexOf("text/html");
        int json = lower.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }

    public static String error(Problem problem) {
        String reason = switch (problem.status()) {
            case 413 -> "提交的内容过长，请删减后重新提交。";
            case 415 -> "请求缺少内容类型，无法处理。";
            case 429 -> "尝试次数过多，请稍后再试。";
            case 400 -> "提交的内容格式有误（可能含有无法识别的字符），请检查后重新提交。";
            default -> problem.status() >= 500 ? "服务暂时无法完成该请求，已记录，请稍后再试。" : "无法处理该请求。";
        };
        String reference = problem.correlationId() == null ? "" : "<p>错误编号：" + escape(problem.correlationId()) + "</p>";
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>无法处理该请求 - 回音</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}.muted{color:#666}</style></head>"
                + "<body><main><h1>无法处理该请求</h1><p>" + reason + "</p><p class=\"muted\">" + escape(problem.detail())
                + "</p>" + reference + "<p><a href=\"/\">返回首页</a></p></main></body></html>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
