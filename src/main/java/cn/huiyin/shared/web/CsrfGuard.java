package cn.huiyin.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery: a browser sends its cookies with a form another site makes it post, so a request that
 * changes something (POST, PUT, PATCH, DELETE) and is signed in by a cookie ({@code huiyin_token}, {@code q_session…})
 * must also carry its {@code huiyin_csrf} cookie and that cookie's {@link CsrfTokens token} — in the form field
 * {@code _csrf} or the header {@code X-CSRF-Token} — or it is refused with 403 before any endpoint sees it. Requests
 * without an auth cookie (API clients with {@code Authorization: Bearer}, anonymous public forms) are not
 * cookie-authenticated and pass. The tenants' logout paths end a session on any request, so a navigation to them that
 * the browser reports as coming from another site ({@code Sec-Fetch-Site}) is refused too.
 * Runs right after {@link EdgeGuard}, so an urlencoded form is already decoded.
 */
@ApplicationScoped
public class CsrfGuard {

    static final int ORDER = EdgeGuard.ORDER + 1;

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String MULTIPART = "multipart/form-data";
    /** Quarkus ends a tenant's session on any request to its logout path ({@code quarkus.oidc.<tenant>.logout.path}). */
    private static final Set<String> LOGOUT_PATHS = Set.of("/signout/staff", "/signout/enterprise");
    private static final String FETCH_SITE = "Sec-Fetch-Site";

    @Inject
    CsrfConfig config;

    @Inject
    EdgeConfig edge;

    @Inject
    EdgeGuard edgeGuard;

    @Inject
    ObjectMapper json;

    private CsrfTokens tokens;

    @PostConstruct
    void createTokens() {
        tokens = new CsrfTokens(config.secret()); // a missing or short secret stops the start
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    String tokenFor(String csrfCookie) {
        return tokens.tokenFor(csrfCookie);
    }

    void guard(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (LOGOUT_PATHS.contains(rc.normalizedPath()) && crossSite(request)) {
            refuseLogout(rc);
            return;
        }
        if (!STATE_CHANGING.contains(request.method())) {
            rc.next();
            return;
        }
        // no Cookie header (API clients, anonymous posts): not signed in by a cookie, nothing to parse
        if (!request.headers().contains(HttpHeaders.COOKIE)) {
            rc.next();
            return;
        }
        List<String> cookies = request.headers().getAll(HttpHeaders.COOKIE);
        if (!CsrfTokens.signedIn(cookies)) {
            rc.next();
            return;
        }
        // null without the cookie: then no token can match
        String csrfCookie = CsrfTokens.cookieOf(cookies);
        String presented = request.formAttributes().get(CsrfTokens.FIELD);
        if (presented == null) {
            presented = request.getHeader(CsrfTokens.HEADER);
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (presented == null && contentType != null && EdgeGuard.mediaType(contentType).equals(MULTIPART)) {
            readMultipart(rc, csrfCookie, contentType);
            return;
        }
        decide(rc, csrfCookie, presented);
    }

    /**
     * A request the browser says another site started ({@code cross-site}, {@code same-site}); browsers that send no
     * {@code Sec-Fetch-Site} and the user's own navigations ({@code none}) are let through.
     */
    static boolean crossSite(HttpServerRequest request) {
        String site = request.getHeader(FETCH_SITE);
        if (site == null) {
            return false;
        }
        String value = site.strip().toLowerCase(Locale.ROOT);
        return !value.equals("same-origin") && !value.equals("none");
    }

    private void decide(RoutingContext rc, String csrfCookie, String presented) {
        if (tokens.matches(csrfCookie, presented)) {
            rc.next();
        } else {
            refuse(rc);
        }
    }

    /** EdgeGuard leaves multipart bodies unread: read this one (within the form limit) for its {@code _csrf} part. */
    private void readMultipart(RoutingContext rc, String csrfCookie, String contentType) {
        edgeGuard.readWithin(rc, edge.maxFormBytes(), body -> {
            rc.setBody(body); // the endpoint reads the body held here
            decide(rc, csrfCookie, multipartField(contentType, body.getBytes(), CsrfTokens.FIELD));
        });
    }

    /** The value of the text part {@code name} of a {@code multipart/form-data} body, or null. */
    static String multipartField(String contentType, byte[] body, String name) {
        String boundary = boundaryOf(contentType);
        if (boundary == null) {
            return null;
        }
        Pattern names = Pattern.compile("(?im)^content-disposition:\\s*form-data\\s*(;[^\\r\\n]*)?;\\s*name=\""
                + Pattern.quote(name) + "\"\\s*(;[^\\r\\n]*)?$");
        // ISO-8859-1 keeps every byte as one char; the token itself is ASCII
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : text.split(Pattern.quote("--" + boundary), -1)) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0 || !names.matcher(part.substring(0, headersEnd)).find()) {
                continue;
            }
            String value = part.substring(headersEnd + 4);
            return value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
        }
        return null;
    }

    private static String boundaryOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String boundary = trimmed.substring("boundary=".length());
                if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
                    boundary = boundary.substring(1, boundary.length() - 1);
                }
                return boundary.isEmpty() ? null : boundary;
            }
        }
        return null;
    }

    /** 403 and nothing done: a Chinese page for a browser's form, the problem document for everyone else. */
    private void refuse(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Problem problem = Problem.of(403, "csrf-token", "Missing or invalid CSRF token",
                "A request signed in by a cookie must carry its " + CsrfTokens.COOKIE
                        + " cookie and that cookie's token in the form field " + CsrfTokens.FIELD + " or the header " + CsrfTokens.HEADER)
                .withField(CsrfTokens.FIELD);
        rc.response().setStatusCode(403);
        if (wantsPage(rc.request())) {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").end(PAGE);
            return;
        }
        try {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().end();
        }
    }

    /** 403 page, and the session goes on: the user signs out with the pages' own button. */
    private static void refuseLogout(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(LOGOUT_PAGE);
    }

    /** A browser asks for HTML; a form post that does not ask for JSON is a browser's too. */
    private static boolean wantsPage(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (EdgePages.wantsHtml(accept)) {
            return true;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : EdgeGuard.mediaType(contentType);
        boolean form = mediaType.equals("application/x-www-form-urlencoded") || mediaType.equals(MULTIPART);
        return form && (accept == null || !accept.toLowerCase(Locale.ROOT).contains("json"));
    }

    private static final String LOGOUT_PAGE = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>未退出登录 - 回音</title>"
            + "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}</style></head>"
            + "<body><main><h1 id=\"signout-refused\">未退出登录</h1>"
            + "<p>这个退出登录的请求来自其他网站，为保护您的账号，系统没有执行。</p>"
            + "<p>如需退出，请使用回音页面右上角的“退出登录”按钮。</p><p><a href=\"/\">返回首页</a></p></main></body></html>";

    private static final String PAGE = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>提交未被处理 - 回音</title>"
            + "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}</style></head>"
            + "<body><main><h1 id=\"csrf-refused\">提交未被处理</h1>"
            + "<p>为保护您的账号，系统无法确认这次提交来自回音的页面（页面可能已过期，或您已重新登录），因此没有做任何更改。</p>"
            + "<p>请返回上一页，刷新后重新提交。</p><p><a href=\"/\">返回首页</a></p></main></body></html>";
}
