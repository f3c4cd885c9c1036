package cn.huiyin.risk.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.risk.domain.BreachForecast;
import cn.huiyin.risk.domain.UnitHistory;
import cn.huiyin.risk.domain.UnitLoad;
import cn.huiyin.risk.persistence.RiskRepository.OpenClock;
import cn.huiyin.risk.persistence.RiskRepository.Risk;
import cn.huiyin.risk.persistence.RiskRepository.StoppedClock;
import cn.huiyin.sla.domain.DeadlineCalculator;

/**
 * Turns what the database holds now into a breach risk per open appeal, as the backtest replays it: each unit's and
 * the district's histories (answered appeals dispatched in the window, and every open one, each with the working time
 * its clock allows), and each unit's backlog against its usual. All in working minutes.
 */
final class RiskComputation {

    private final DeadlineCalculator calculator;
    private final BreachForecast forecast;
    private final int samplesPerUnit;

    /** @param samplesPerUnit the most answers read per unit: a unit with that many had older ones left out */
    RiskComputation(DeadlineCalculator calculator, BreachForecast forecast, int samplesPerUnit) {
        this.calculator = calculator;
        this.forecast = forecast;
        this.samplesPerUnit = samplesPerUnit;
    }

    List<Risk> risks(List<OpenClock> open, List<StoppedClock> answered, Instant since, Instant now) {
        Map<String, List<UnitHistory.Finished>> finishedByUnit = new HashMap<>();
        Map<String, List<UnitHistory.Open>> openByUnit = new HashMap<>();
        Map<String, Instant> oldestByUnit = new HashMap<>();
        List<UnitHistory.Finished> allFinished = new ArrayList<>();
        List<UnitHistory.Open> allOpen = new ArrayList<>();
        for (StoppedClock c : answered) {
            UnitHistory.Finished f = new UnitHistory.Finished(Math.max(0, minutes(c.startedAt(), c.stoppedAt())),
                    minutes(c.startedAt(), c.dueAt()));
            finishedByUnit.computeIfAbsent(c.unit(), u -> new ArrayList<>()).add(f);
            allFinished.add(f);
            oldestByUnit.merge(c.unit(), c.startedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<Long, long[]> times = new HashMap<>();
        for (OpenClock c : open) {
            long elapsed = Math.max(0, minutes(c.startedAt(), now));
            long allowed = minutes(c.startedAt(), c.dueAt());
            times.put(c.appealId(), new long[] { elapsed, minutes(now, c.dueAt()), allowed });
            UnitHistory.Open o = new UnitHistory.Open(elapsed, allowed);
            openByUnit.computeIfAbsent(c.unit(), u -> new ArrayList<>()).add(o);
            allOpen.add(o);
        }
        UnitHistory city = UnitHistory.of(allFinished, allOpen);
        Map<String, UnitHistory> histories = new HashMap<>();
        Map<String, UnitLoad> loads = new HashMap<>();
        List<Risk> risks = new ArrayList<>(open.size());
        for (OpenClock c : open) {
            List<UnitHistory.Finished> finished = finishedByUnit.getOrDefault(c.unit(), List.of());
            UnitHistory unit = histories.computeIfAbsent(c.unit(),
                    u -> UnitHistory.of(finished, openByUnit.getOrDefault(u, List.of())));
            UnitLoad load = loads.computeIfAbsent(c.unit(), u -> load(openByUnit.get(u).size(), finished,
                    oldestByUnit.get(u), since, now));
            long[] t = times.get(c.appealId());
            risks.add(new Risk(c.appealId(), c.unit(), round(forecast.missProbability(unit, city, t[0], t[1], t[2], load)),
                    c.dueAt()));
        }
        return risks;
    }

    /**
     * The unit's load against its usual, from its answers over the time they cover: the whole window, or, when only
     * the latest were read, the time since the oldest of them was dispatched.
     */
    private UnitLoad load(long open, List<UnitHistory.Finished> finished, Instant oldest, Instant since, Instant now) {
        Instant from = finished.size() < samplesPerUnit || oldest == null ? since : oldest;
        double mean = finished.stream().mapToLong(UnitHistory.Finished::handledMinutes).average().orElse(0);
        return UnitLoad.of(open, finished.size(), minutes(from, now), mean);
    }

    /** Three decimals: what is stored and shown. */
    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    private long minutes(Instant from, Instant to) {
        return calculator.workingTimeBetween(from, to).toMinutes();
    }
}
