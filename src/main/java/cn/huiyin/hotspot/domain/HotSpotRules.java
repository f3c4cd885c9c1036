package cn.huiyin.hotspot.domain;

import java.time.Duration;

/**
 * When a group of appeals about one problem is a hot spot (每月一题).
 *
 * @param window         appeals received this long before now are grouped (a month: 每月一题)
 * @param minAppeals     a hot spot has at least this many appeals …
 * @param minEnterprises … from at least this many enterprises: one enterprise asking three times is a repeat, not a
 *                       problem many enterprises share
 * @param trendSpan      the trend compares the appeals of the last span with those of the span before
 */
public record HotSpotRules(Duration window, int minAppeals, int minEnterprises, Duration trendSpan) {

    public HotSpotRules {
        if (minAppeals < 2 || minEnterprises < 1 || window.isNegative() || window.isZero() || trendSpan.isZero()
                || trendSpan.isNegative()) {
            throw new IllegalArgumentException("a hot spot needs a window, a trend span, 2+ appeals and 1+ enterprise");
        }
    }

    public static HotSpotRules defaults() {
        return new HotSpotRules(Duration.ofDays(30), 3, 2, Duration.ofDays(7));
    }
}
