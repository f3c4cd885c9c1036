package cn.huiyin.evaluation.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * POST–redirect–GET for the return-visit and contest pages: a step that worked answers 303 to the page with a
 * Chinese notice; a refused one shows the page again with the reason in Chinese (422 input, 409 "not now",
 * 404 an appeal or round the caller cannot see). The services speak English problem documents to API clients.
 */
final class EvaluationPageReplies {

    /** The notices after the redirect, by the {@code ok} code in its query string. */
    private static final Map<String, String> DONE = Map.of(
            "visit", "已记录回访",
            "visit-overturned", "已记录回访：回访结果与企业评价不符，评价已被推翻",
            "contest", "已提交申诉，等待区里复核",
            "upheld", "已复核：申诉成立，该评价不再计入满意度",
            "rejected", "已复核：申诉不成立，评价维持不变");

    /** A 409's problem type and what the page says instead. */
    private static final Map<String, String> CONFLICTS = Map.of(
            "already-visited", "该轮回访已记录，不能重复记录",
            "not-contestable", "只有差评（不满意、非常不满意或未解决）可以申诉",
            "already-contested", "该轮评价已申诉过，每轮只能申诉一次",
            "no-open-contest", "该轮评价没有待复核的申诉（可能已复核）");

    static final String NOT_FOUND = "未找到该诉求或该轮评价";

    private EvaluationPageReplies() {
    }

    /** A round in a page's path, 1 to 9999; null for anything else, which the pages answer as not found. */
    static Integer round(String typed) {
        return typed != null && typed.matches("[1-9][0-9]{0,3}") ? Integer.valueOf(typed) : null;
    }

    static String done(String code) {
        return code == null ? null : DONE.get(code);
    }

    static Response seeOther(String path, String done) {
        return Response.seeOther(URI.create(path + "?ok=" + URLEncoder.encode(done, StandardCharsets.UTF_8))).build();
    }

    static Uni<Response> render(Uni<TemplateInstance> page, int status) {
        return page.map(p -> Response.status(status).entity(p).build());
    }

    /** A service's refusal shown on the page again; any other failure goes on to the problem mappers. */
    static Uni<Response> refused(Throwable failure, Function<Map<String, String>, Uni<TemplateInstance>> again) {
        if (!(failure instanceof ProblemException refusal)) {
            return Uni.createFrom().failure(failure);
        }
        Problem problem = refusal.problem();
        if (problem.status() == 404) {
            return render(again.apply(Map.of("form", NOT_FOUND)), 404);
        }
        if (problem.status() == 409) {
            String type = problem.type() == null ? "" : problem.type();
            String message = CONFLICTS.entrySet().stream().filter(c -> type.endsWith("/" + c.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("当前不能执行此操作，请刷新后重试");
            return render(again.apply(Map.of("form", message)), 409);
        }
        String field = problem.field() == null ? "form" : problem.field();
        return render(again.apply(Map.of(field, "输入有误，请检查后重试")), problem.status() == 400 ? 400 : 422);
    }

    /** Optional free text of at most 500 characters without control characters; puts the error otherwise. */
    static String text(Map<String, String> errors, String field, String value, int min, String message) {
        if (value == null || Text.isAbsent(value)) {
            if (min > 0) {
                errors.put(field, message);
            }
            return null;
        }
        String stripped = value.strip();
        if (Text.hasControlCharacter(value) || Text.length(stripped) < min
                || Text.length(value) > 500) {
            errors.put(field, message);
            return null;
        }
        return stripped;
    }
}
