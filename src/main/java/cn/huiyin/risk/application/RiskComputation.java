package cn.huiyin.risk.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.risk.domain.BreachForecast;
import cn.huiyin.risk.domain.HandlingTimes;
import cn.huiyin.risk.domain.UnitLoad;
import cn.huiyin.risk.persistence.RiskRepository.OpenClock;
import cn.huiyin.risk.persistence.RiskRepository.Risk;
import cn.huiyin.risk.persistence.RiskRepository.StoppedClock;
import cn.huiyin.sla.domain.DeadlineCalculator;

/**
 * Turns what the database holds now into a breach risk per open appeal: each unit's recent handling times (working
 * minutes from dispatch to answer) and its backlog against its usual, as the backtest replays them. A unit with too
 * few answers borrows the district's handling times, as in the backtest.
 */
final class RiskComputation {

    /** Fewer answers than this and a unit's own times say too little. */
    static final int ENOUGH = 20;

    private final DeadlineCalculator calculator;
    private final BreachForecast forecast;
    private final int samplesPerUnit;

    /** @param samplesPerUnit the most answers read per unit: a unit with that many had older ones left out */
    RiskComputation(DeadlineCalculator calculator, BreachForecast forecast, int samplesPerUnit) {
        this.calculator = calculator;
        this.forecast = forecast;
        this.samplesPerUnit = samplesPerUnit;
    }

    List<Risk> risks(List<OpenClock> open, List<StoppedClock> stopped, Instant since, Instant now) {
        Map<String, List<StoppedClock>> byUnit = new HashMap<>();
        stopped.forEach(s -> byUnit.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add(s));
        Map<String, Long> openByUnit = new HashMap<>();
        open.forEach(o -> openByUnit.merge(o.unit(), 1L, Long::sum));
        HandlingTimes district = times(stopped);
        Map<String, HandlingTimes> timesByUnit = new HashMap<>();
        Map<String, UnitLoad> loadByUnit = new HashMap<>();
        List<Risk> risks = new ArrayList<>(open.size());
        for (OpenClock clock : open) {
            HandlingTimes times = timesByUnit.computeIfAbsent(clock.unit(), unit -> {
                HandlingTimes own = times(byUnit.getOrDefault(unit, List.of()));
                return own.size() >= ENOUGH ? own : district;
            });
            UnitLoad load = loadByUnit.computeIfAbsent(clock.unit(), unit -> load(openByUnit.get(unit),
                    byUnit.getOrDefault(unit, List.of()), times, since, now));
            long elapsed = minutes(clock.startedAt(), now);
            long remaining = minutes(now, clock.dueAt());
            risks.add(new Risk(clock.appealId(), clock.unit(), forecast.missProbability(times, elapsed, remaining, load),
                    clock.dueAt()));
        }
        return risks;
    }

    private HandlingTimes times(List<StoppedClock> stopped) {
        long[] minutes = new long[stopped.size()];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = Math.max(0, minutes(stopped.get(i).startedAt(), stopped.get(i).stoppedAt()));
        }
        return HandlingTimes.of(minutes);
    }

    /**
     * The unit's usual backlog from its answers over the time they cover: the whole window, or, when only the latest
     * answers were kept, the time since the oldest of them.
     */
    private UnitLoad load(long open, List<StoppedClock> answers, HandlingTimes times, Instant since, Instant now) {
        Instant from = answers.size() < samplesPerUnit ? since
                : answers.stream().map(StoppedClock::stoppedAt).min(Instant::compareTo).orElse(since);
        return UnitLoad.of(open, answers.size(), minutes(from, now), times.mean());
    }

    private long minutes(Instant from, Instant to) {
        return calculator.workingTimeBetween(from, to).toMinutes();
    }
}
