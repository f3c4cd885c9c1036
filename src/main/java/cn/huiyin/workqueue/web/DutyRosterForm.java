package cn.huiyin.workqueue.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The duty roster's choices as a browser sends them: the unit whose staff are shown (none until one is picked), and
 * a person's new duty, which is exactly {@code true} or {@code false}. After a change the roster of the person's
 * unit is shown again with a notice.
 */
final class DutyRosterForm {

    private static final Map<String, String> DONE = Map.of("on", "已设为在岗", "off", "已设为离岗");

    private DutyRosterForm() {
    }

    /** The unit picked, trimmed; null when none is. */
    static String unit(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** The duty chosen; empty for anything but {@code true} or {@code false}. */
    static Optional<Boolean> onDuty(String typed) {
        return "true".equals(typed) ? Optional.of(true) : "false".equals(typed) ? Optional.of(false) : Optional.empty();
    }

    /** Where the browser goes after a change: the roster of {@code unit}, saying what was done. */
    static URI after(String unit, boolean onDuty) {
        return URI.create("/admin/staff?unit=" + URLEncoder.encode(unit == null ? "" : unit, StandardCharsets.UTF_8) + "&ok="
                + (onDuty ? "on" : "off"));
    }

    /** The notice for the {@code ok} code of that address; null for none or an unknown one. */
    static String notice(String ok) {
        return ok == null ? null : DONE.get(ok);
    }
}
