package cn.huiyin.metrics.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.domain.EscalationStep;
import cn.huiyin.sla.domain.SlaPlanner;

/**
 * Demo mode only: plausible months of appeals for a first run's dashboard. Texts come from the labelled routing
 * examples; each unit gets a steady "temperament" so the ranking has a shape; timings, returns, transfers,
 * reworks and ratings are drawn from a seeded random source, so every demo start draws the same history.
 */
public final class DemoHistory {

    /** A labelled example text and where its category is handled. */
    public record Example(String text, String category, String unit) {
    }

    /** One event of the history, typed as the service writes it. */
    public record Event(AppealEvent event, Instant at) {
    }

    public record Appeal(String title, String content, String category, String appealType, String channel, String unit,
            String street, String status, Instant receivedAt, Instant dispatchedAt, List<ClockPlan> clocks,
            List<Event> events) {
    }

    private static final String[] TYPES = { "CONSULT", "HELP", "HELP", "COMPLAINT", "SUGGEST", "REPORT" };
    private static final String[] CHANNELS = { "WEB", "PHONE", "PHONE", "WECHAT" };

    private final Random random;
    private final SlaPlanner planner;
    private final ZoneId zone;

    public DemoHistory(long seed, SlaPlanner planner, ZoneId zone) {
        this.random = new Random(seed);
        this.planner = planner;
        this.zone = zone;
    }

    public List<Appeal> draw(int count, List<Example> examples, List<String> streets, Instant now, int months) {
        List<Appeal> appeals = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(now, zone).minusMonths(months);
        long days = Duration.between(first.atStartOfDay(zone).toInstant(), now).toDays();
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(random.nextInt((int) Math.max(1, days)));
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.minusDays(2);
            }
            Instant received = day.atTime(LocalTime.of(8, 30).plusMinutes(random.nextInt(600))).atZone(zone).toInstant();
            if (received.isAfter(now)) {
                continue;
            }
            Example e = examples.get(random.nextInt(examples.size()));
            String street = streets.get(random.nextInt(streets.size()));
            appeals.add(appeal(e, street, received, now));
        }
        return appeals;
    }

    private Appeal appeal(Example e, String street, Instant received, Instant now) {
        String type = TYPES[random.nextInt(TYPES.length)];
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String unit = "STREET".equals(e.unit()) ? street : e.unit();
        double slowness = 0.6 + (Math.abs(unit.hashCode()) % 10) / 6.0;     // steady per unit: 0.6 … 2.1
        Instant dispatched = received.plus(minutes(5 + random.nextInt(40)));
        List<ClockPlan> clocks = planner.atDispatch(type, e.category(), false, dispatched);
        Instant respondDue = due(clocks, ClockKind.RESPOND);
        Instant handleDue = due(clocks, ClockKind.HANDLE);
        List<Event> events = new ArrayList<>();
        events.add(new Event(new AppealEvent.Received(channel), received));
        events.add(new Event(new AppealEvent.Dispatched(unit, e.category(), "CATALOGUE", null), dispatched));
        Instant t = dispatched;
        if (random.nextDouble() < 0.03) {
            t = t.plus(minutes(30 + random.nextInt(200)));
            events.add(new Event(new AppealEvent.Transferred(unit), t));
        } else if (random.nextDouble() < 0.04) {
            t = t.plus(minutes(60 + random.nextInt(300)));
            events.add(new Event(new AppealEvent.Returned(), t));
            t = t.plus(minutes(20 + random.nextInt(90)));
            events.add(new Event(new AppealEvent.Redispatched(unit), t));
        }
        Instant contact = t.plus(minutes((long) ((10 + random.nextInt(70)) * slowness)));
        Instant reply = t.plus(minutes((long) ((240 + random.nextInt(6000)) * slowness)));
        if (random.nextDouble() < 0.05 * slowness) {
            reply = reply.plus(Duration.ofDays(10 + random.nextInt(12)));     // the long tail that runs late
        }
        String status = "DISPATCHED";
        if (contact.isBefore(now)) {
            events.add(new Event(new AppealEvent.Accepted(null), contact.minus(minutes(3))));
            events.add(new Event(new AppealEvent.FirstContact(), contact));
            status = "HANDLING";
        }
        overdue(events, unit, "RESPOND", respondDue, contact, now);
        overdue(events, unit, "HANDLE", handleDue, reply, now);
        if (reply.isBefore(now)) {
            events.add(new Event(new AppealEvent.Replied("已按政策答复并协助办理。"), reply));
            status = rate(events, reply, slowness, now);
        }
        events.sort((a, b) -> a.at().compareTo(b.at()));
        String title = e.text().length() > 24 ? e.text().substring(0, 24) + "…" : e.text();
        return new Appeal(title, e.text(), e.category(), type, channel, unit, street, status, received, dispatched,
                clocks, events);
    }

    private String rate(List<Event> events, Instant reply, double slowness, Instant now) {
        Instant rated = reply.plus(Duration.ofHours(2 + random.nextInt(100)));
        if (rated.isAfter(now)) {
            return "REPLIED";
        }
        boolean defaulted = random.nextDouble() < 0.1;
        int level = defaulted ? 4 : Math.max(1, Math.min(5, (int) Math.round(5.3 - slowness - random.nextGaussian())));
        boolean resolved = level >= 3 ? random.nextDouble() < 0.9 : random.nextDouble() < 0.3;
        events.add(new Event(new AppealEvent.Rated(1, level, resolved, defaulted, level >= 3, null,
                summary(level, resolved)), rated));
        if (level <= 2 && random.nextDouble() < 0.15) {
            events.add(new Event(new AppealEvent.RatingContested(1, "诉求超出职责范围"), rated.plus(Duration.ofHours(3))));
            events.add(new Event(new AppealEvent.RatingReviewDecided(1, true, true),
                    rated.plus(Duration.ofDays(2))));
        } else if (level <= 2 && random.nextDouble() < 0.5) {
            Instant rework = rated.plus(Duration.ofHours(1));
            events.add(new Event(new AppealEvent.ReworkOpened(1), rework));
            Instant again = rework.plus(Duration.ofHours(24 + random.nextInt(72)));
            if (again.isAfter(now)) {
                return "REWORK";
            }
            events.add(new Event(new AppealEvent.Replied("整改后再次答复。"), again));
            int level2 = 3 + random.nextInt(3);
            events.add(new Event(new AppealEvent.Rated(2, level2, true, false, true, null, summary(level2, true)),
                    again.plus(Duration.ofHours(5))));
        }
        return "CLOSED";
    }

    private static void overdue(List<Event> events, String unit, String clock, Instant due, Instant happened, Instant now) {
        if (due != null && happened.isAfter(due) && due.isBefore(now)) {
            events.add(new Event(new AppealEvent.Escalated(clock, EscalationStep.OVERDUE.name(), due.toString(),
                    String.join(",", EscalationStep.OVERDUE.recipients(unit))), due));
        }
    }

    private static Instant due(List<ClockPlan> clocks, ClockKind kind) {
        return clocks.stream().filter(c -> c.clock() == kind).map(ClockPlan::dueAt).findFirst().orElse(null);
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    /** The rating's words as the timeline shows them. */
    private static String summary(int level, boolean resolved) {
        String[] levels = { "非常不满意", "不满意", "基本满意", "满意", "非常满意" };
        return "企业评价：" + levels[level - 1] + "，" + (resolved ? "问题已解决" : "问题未解决");
    }
}
