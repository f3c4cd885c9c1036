package cn.huiyin.intake.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.intake.persistence.IntakeRepository;
import cn.huiyin.shared.domain.TrackingNumber;
import io.smallrye.mutiny.Uni;

/**
 * Hands out tracking numbers before an appeal is sent to the intake stream. Serials come from a database
 * sequence in blocks of {@value #BLOCK} (its increment), so replicas never collide and most numbers cost
 * no round trip.
 */
@ApplicationScoped
public class TrackingNumberIssuer {

    static final int BLOCK = 50;
    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");

    @Inject
    IntakeRepository appeals;

    @Inject
    Clock clock;

    private long next;
    private long end;

    public Uni<TrackingNumber> next() {
        LocalDate today = LocalDate.now(clock.withZone(DISTRICT_TIME));
        long serial = takeFromBlock();
        if (serial > 0) {
            return Uni.createFrom().item(TrackingNumber.issue(today, serial));
        }
        return appeals.nextSerialBlock().map(start -> TrackingNumber.issue(today, startBlock(start)));
    }

    private synchronized long takeFromBlock() {
        return next < end ? next++ : 0;
    }

    /** Keeps the rest of a fresh block for later calls and returns its first serial. */
    private synchronized long startBlock(long start) {
        next = start + 1;
        end = start + BLOCK;
        return start;
    }
}
