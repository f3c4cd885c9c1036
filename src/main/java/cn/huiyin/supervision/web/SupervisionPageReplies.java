package cn.huiyin.supervision.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import cn.huiyin.shared.validation.RejectedField;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * POST–redirect–GET for the supervision pages: a step that worked answers 303 to the page with a notice code; bad
 * input shows the page again (422) with the field's rule in Chinese and nothing stored; a refusal of the service
 * shows the page again with its reason (404, 409).
 */
final class SupervisionPageReplies {

    /** The notices after the redirect, by the {@code ok} code in its query string. */
    private static final Map<String, String> DONE = Map.of(
            "issued", "已下发督办单，等待承办单位领导答复",
            "answered", "已提交情况说明");

    private static final Map<String, String> CONFLICTS = Map.of(
            "appeal-not-open", "该诉求已答复或已办结，不能再下发督办单",
            "no-unit", "该诉求尚无承办单位，不能下发督办单",
            "order-already-open", "该诉求已有一份待答复的督办单",
            "order-already-answered", "该督办单已答复，不能重复答复");

    static final String NOT_FOUND = "未找到该诉求或督办单";

    private SupervisionPageReplies() {
    }

    static String done(String code) {
        return code == null ? null : DONE.get(code);
    }

    /** {@code path} may carry a query of its own (the desk's page cursor); the notice code is added to it. */
    static Response seeOther(String path, String code) {
        return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + "ok=" + code)).build();
    }

    static Uni<Response> render(Uni<TemplateInstance> page, int status) {
        return page.map(p -> Response.status(status).entity(p).build());
    }

    /** The form's broken rules, a field's first only, in the page's words. */
    static Map<String, String> check(Validator validator, Object form, Map<String, String> words) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (RejectedField rejected : RejectedField.inOrder(validator.validate(form))) {
            errors.putIfAbsent(rejected.field(), words.getOrDefault(rejected.field(), "输入有误，请检查后重试"));
        }
        return errors;
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
        String type = problem.type() == null ? "" : problem.type();
        String message = CONFLICTS.entrySet().stream().filter(c -> type.endsWith("/" + c.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("当前不能执行此操作，请刷新后重试");
        return render(again.apply(Map.of("form", message)), problem.status());
    }

    /** A whole number typed into a form, or null for anything else (the form's rule then reports it). */
    static Integer number(String typed) {
        return typed != null && typed.strip().matches("[0-9]{1,3}") ? Integer.valueOf(typed.strip()) : null;
    }
}
