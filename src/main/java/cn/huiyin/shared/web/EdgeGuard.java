package cn.huiyin.shared.web;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first thing every request meets. It refuses what no endpoint should ever see — matrix parameters, NUL or
 * malformed percent-encoding in the path or query, a body without a {@code Content-Type}, a body over its limit, a
 * textual body that is not valid UTF-8, a form that cannot be decoded — with a 4xx at once, and hands the endpoints a
 * form already decoded by {@link FormDecoder} (so no field limit of the HTTP server's own decoder applies, and a
 * malformed form can never leave a request unanswered).
 */
@ApplicationScoped
public class EdgeGuard {

    /** After Quarkus's own header handlers, before every route. */
    static final int ORDER = -10;

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    EdgeConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    void guard(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String pathFlaw = uriFlaw(request.path(), true);
        if (pathFlaw != null) {
            refuse(rc, Problem.of(400, "bad-request", "Bad request", "The path " + pathFlaw).withField("path"));
            return;
        }
        String queryFlaw = request.query() == null ? null : uriFlaw(request.query(), false);
        if (queryFlaw != null) {
            refuse(rc, Problem.of(400, "bad-request", "Bad request", "The query " + queryFlaw).withField("query"));
            return;
        }
        if (!carriesBody(request)) {
            rc.next();
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            refuse(rc, Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "A request with a body must say its Content-Type").withField("Content-Type"));
            return;
        }
        String mediaType = mediaType(contentType);
        boolean form = mediaType.equals(FORM);
        if (!form && !isTextual(mediaType)) {
            rc.next(); // binary bodies are the endpoint's business (none is taken today)
            return;
        }
        int limit = form ? config.maxFormBytes() : config.maxTextBytes();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredOver(length, limit)) {
            refuse(rc, tooLarge(limit));
            return;
        }
        readBody(rc, limit, form);
    }

    private void readBody(RoutingContext rc, int limit, boolean form) {
        readWithin(rc, limit, body -> {
            if (form) {
                acceptForm(rc, body);
            } else {
                acceptText(rc, body);
            }
        });
    }

    /**
     * Reads the whole body, refusing it with {@code 413} once it passes {@code limit} bytes, and hands it on; also
     * for the CSRF guard, which reads the multipart bodies left unread here.
     */
    void readWithin(RoutingContext rc, int limit, Consumer<Buffer> then) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                refuse(rc, tooLarge(limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> {
            if (!refused[0]) {
                refused[0] = true;
                rc.fail(400, failure);
            }
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                then.accept(body);
            }
        });
        request.resume();
    }

    private void acceptForm(RoutingContext rc, Buffer body) {
        List<FormDecoder.Field> fields;
        try {
            fields = FormDecoder.decode(body.getBytes());
        } catch (FormDecoder.MalformedForm e) {
            refuse(rc, Problem.of(400, "malformed-form", "Malformed form", e.getMessage()).withField(e.field()));
            return;
        }
        StringJoiner canonical = new StringJoiner("&");
        for (FormDecoder.Field field : fields) {
            rc.request().formAttributes().add(field.name(), field.value());
            canonical.add(URLEncoder.encode(field.name(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.value(), StandardCharsets.UTF_8));
        }
        // endpoints that read the form as a map parse this body again: give them the decoded, normalised one
        rc.setBody(Buffer.buffer(canonical.toString()));
        rc.next();
    }

    private void acceptText(RoutingContext rc, Buffer body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes()));
        } catch (CharacterCodingException e) {
            refuse(rc, Problem.of(400, "malformed-body", "Malformed body", "The body is not valid UTF-8")
                    .withField("body"));
            return;
        }
        rc.setBody(body);
        rc.next();
    }

    /** What is wrong with a raw (still percent-encoded) path or query, or null. */
    static String uriFlaw(String raw, boolean path) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "contains a control character";
            }
            if (path && c == ';') {
                return "has parameters (';'), which no endpoint takes";
            }
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    return "has malformed percent-encoding";
                }
                int value = Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16);
                if (value < 0x20 || value == 0x7F || (path && value == ';')) {
                    return "contains an encoded control character";
                }
                i += 2;
            }
        }
        return null;
    }

    private static boolean carriesBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isTextual(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals("application/json") || mediaType.endsWith("+json")
                || mediaType.equals("application/xml") || mediaType.endsWith("+xml");
    }

    private static boolean declaredOver(String length, int limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed Content-Length itself
        }
    }

    private static Problem tooLarge(int limit) {
        return Problem.of(413, "body-too-large", "Body too large", "At most " + limit + " bytes are accepted")
                .withField("body");
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Answers at once: a page for a browser, a problem document for everyone else; the connection stays usable. */
    void refuse(RoutingContext rc, Problem problem) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        rc.response().setStatusCode(problem.status());
        if (EdgePages.wantsHtml(rc.request().getHeader(HttpHeaders.ACCEPT))) {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .end(EdgePages.error(problem));
            return;
        }
        try {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().end();
        }
    }
}
