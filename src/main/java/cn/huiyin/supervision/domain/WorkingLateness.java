package cn.huiyin.supervision.domain;

import java.time.Duration;
import java.time.Instant;

import cn.huiyin.sla.domain.DeadlineCalculator;
import cn.huiyin.sla.domain.OfficePeriod;

/**
 * How late a clock is, in office time on working days (nights, weekends and holidays do not count against a unit),
 * and the same in words for the desk: 一个工作日 is the office hours of one day (seven hours by default).
 */
public record WorkingLateness(Duration late, Duration workingDay) {

    /** Late from {@code due} until {@code until} (now, or when the late clock stopped); zero when not late. */
    public static WorkingLateness of(DeadlineCalculator calculator, Instant due, Instant until) {
        Duration late = until.isAfter(due) ? calculator.workingTimeBetween(due, until) : Duration.ZERO;
        Duration day = Duration.ZERO;
        for (OfficePeriod period : calculator.calendar().officeHours()) {
            day = day.plus(Duration.between(period.start(), period.end()));
        }
        return new WorkingLateness(late, day);
    }

    public long minutes() {
        return late.toMinutes();
    }

    /** {@code 2个工作日3小时15分}; parts that are zero are left out, and under a minute is {@code 不足1分钟}. */
    public String words() {
        long minutes = late.toMinutes();
        if (minutes == 0) {
            return "不足1分钟";
        }
        long perDay = workingDay.toMinutes();
        long days = perDay == 0 ? 0 : minutes / perDay;
        long rest = perDay == 0 ? minutes : minutes % perDay;
        StringBuilder words = new StringBuilder();
        if (days > 0) {
            words.append(days).append("个工作日");
        }
        if (rest / 60 > 0) {
            words.append(rest / 60).append("小时");
        }
        if (rest % 60 > 0) {
            words.append(rest % 60).append("分");
        }
        return words.toString();
    }
}
