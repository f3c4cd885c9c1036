package cn.huiyin.metrics.domain;

import java.util.EnumMap;
import java.util.Map;

/** The published weights of the monthly ranking's composite score, one per rate. */
public record RankingWeights(double responseRate, double resolutionRate, double satisfactionRate,
        double onTimeCompletion, double unsupervisedRate) {

    public RankingWeights {
        if (responseRate < 0 || resolutionRate < 0 || satisfactionRate < 0 || onTimeCompletion < 0 || unsupervisedRate < 0
                || responseRate + resolutionRate + satisfactionRate + onTimeCompletion + unsupervisedRate <= 0) {
            throw new IllegalArgumentException("ranking weights must be non-negative and not all zero");
        }
    }

    public Map<Figure, Double> byFigure() {
        Map<Figure, Double> weights = new EnumMap<>(Figure.class);
        weights.put(Figure.RESPONSE_RATE, responseRate);
        weights.put(Figure.RESOLUTION_RATE, resolutionRate);
        weights.put(Figure.SATISFACTION_RATE, satisfactionRate);
        weights.put(Figure.ON_TIME_COMPLETION, onTimeCompletion);
        weights.put(Figure.UNSUPERVISED_RATE, unsupervisedRate);
        return weights;
    }
}
