package cn.huiyin.workqueue.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Times on the staff pages are Beijing time ({@code {at.beijing}}), whatever the server's zone. */
public final class PageTime {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    private PageTime() {
    }

    @TemplateExtension
    static String beijing(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }
}
