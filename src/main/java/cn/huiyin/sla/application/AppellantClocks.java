package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockState;
import cn.huiyin.sla.persistence.DueTimeRepository;
import cn.huiyin.sla.persistence.DueTimeRepository.DueTimeRow;
import io.smallrye.mutiny.Uni;

/**
 * The time limits an enterprise is promised, beside each of its appeals in a list: respond (响应) and handle (处置),
 * the latest round of each, with how it stands now. The appeal's own page shows every clock (the owner view).
 */
@ApplicationScoped
public class AppellantClocks {

    /** The clocks a list shows, in this order. */
    static final List<ClockKind> SHOWN = List.of(ClockKind.RESPOND, ClockKind.HANDLE);

    /** One clock as the list shows it; {@code stoppedAt} null while it runs. */
    public record DueTime(String clock, String label, Instant dueAt, Instant stoppedAt, String state, String stateLabel) {

        public boolean running() {
            return stoppedAt == null;
        }
    }

    /** An appeal's shown clocks: null for one it has not started (an appeal not yet dispatched). */
    public record DueTimes(DueTime respond, DueTime handle) {

        static final DueTimes NONE = new DueTimes(null, null);
    }

    @Inject
    DueTimeRepository dueTimes;

    @Inject
    Clock clock;

    /** By tracking number, for every one asked about (those with no clock yet get {@link DueTimes#NONE}). */
    public Uni<Map<String, DueTimes>> of(List<String> trackingNos) {
        Instant now = clock.instant();
        return dueTimes.latest(trackingNos, SHOWN.stream().map(ClockKind::name).toList()).map(rows -> {
            Map<String, DueTimes> byAppeal = new LinkedHashMap<>();
            trackingNos.forEach(no -> byAppeal.put(no, DueTimes.NONE));
            for (DueTimeRow row : rows) {
                DueTime shown = dueTime(row, now);
                byAppeal.computeIfPresent(row.trackingNo(), (no, known) -> ClockKind.RESPOND.name().equals(row.clock())
                        ? new DueTimes(shown, known.handle()) : new DueTimes(known.respond(), shown));
            }
            return byAppeal;
        });
    }

    static DueTime dueTime(DueTimeRow row, Instant now) {
        ClockKind kind = ClockKind.valueOf(row.clock());
        ClockState state = ClockState.of(now, row.stoppedAt(), row.warningAt(), row.dueAt(), row.supervisionAt());
        return new DueTime(kind.name(), kind.label(), row.dueAt(), row.stoppedAt(), state.name(), state.label());
    }
}
