package cn.huiyin.shared.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/**
 * Times on every page are Beijing time to the minute, {@code 2026-12-06 09:30}, whatever the server's zone:
 * {@code {at.beijing}} in any template, {@link #beijing(Instant)} in code.
 */
public final class PageTime {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    private PageTime() {
    }

    @TemplateExtension
    public static String beijing(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    @TemplateExtension
    public static String beijing(OffsetDateTime at) {
        return at == null ? "" : beijing(at.toInstant());
    }
}
