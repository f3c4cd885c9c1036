package cn.huiyin.metrics.domain;

import java.time.Instant;

/** Office minutes between two instants on the district's work calendar (the SLA calendar). */
@FunctionalInterface
public interface WorkingMinutes {

    long between(Instant from, Instant to);
}
