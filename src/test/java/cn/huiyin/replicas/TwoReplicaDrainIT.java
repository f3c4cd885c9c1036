package cn.huiyin.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.huiyin.replicas.IntakeLoad.Ack;

/**
 * One replica stopped under intake load, while another keeps serving: with {@code SIGTERM} (a rolling update, a scale
 * down) and with {@code kill -9} (a crash). Clients send appeals with idempotency keys from a few threads and, as the API
 * tells them to, send again with the same key to the next replica whenever no {@code 202} came. Afterwards every key
 * has exactly one stored appeal, and every {@code 202} given for it names that appeal: nothing acknowledged is lost,
 * nothing is stored twice. After {@code SIGTERM} the stopped replica also ends by itself within its drain time, and the
 * other never fails a request.
 */
class TwoReplicaDrainIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int THREADS = 4;
    /** 202s from each replica before it is stopped, and from the survivor after. */
    private static final int ACKS = 100;

    private static final ScratchDatabase DB = new ScratchDatabase("huiyin_replicas_drain_it");
    private static final String REDIS_PREFIX = "huiyin-replicas-drain-it:";
    private static final Path LOGS = Path.of("target", "replicas");

    private static Replica survivor;

    @BeforeAll
    static void startTheReplicaThatStays() throws Exception {
        DB.recreate();
        RedisKeys.deleteUnder(REDIS_PREFIX);
        // started first, so it migrates and seeds the fresh database before any other replica comes
        survivor = start("drain-survivor");
    }

    @AfterAll
    static void stopIt() throws Exception {
        try (Replica stays = survivor) {
            assertThat(stays.stop(Duration.ofSeconds(30))).as("the survivor ends on SIGTERM").isTrue();
        } finally {
            RedisKeys.deleteUnder(REDIS_PREFIX);
        }
    }

    private static Replica start(String name) throws Exception {
        Replica replica = Replica.start(name, Replica.demoProperties(DB, REDIS_PREFIX), Map.of(), LOGS);
        replica.awaitReady(PATIENCE);
        return replica;
    }

    @Test
    void sigterm_under_load_loses_nothing_and_stores_nothing_twice_and_the_other_replica_keeps_taking_appeals()
            throws Exception {
        try (Replica victim = start("drain-term")) {
            AtomicLong sigterm = new AtomicLong();
            AtomicLong ended = new AtomicLong();
            IntakeLoad load = stoppedUnderLoad(victim, "term-", stopping -> {
                sigterm.set(System.nanoTime());
                assertThat(stopping.stop(Duration.ofSeconds(30))).as("the replica ends on SIGTERM within its drain time")
                        .isTrue();
                ended.set(System.nanoTime());
            });
            assertThat(load.failures()).as("tries the survivor failed")
                    .noneMatch(failure -> failure.replica().equals(survivor.name()));
            // tries on the way when the signal came: sent before it, ended after
            long inFlightAnswered = load.acks().stream().filter(ack -> ack.replica().equals(victim.name())
                    && ack.sent() - sigterm.get() < 0 && ack.at() - sigterm.get() >= 0).count();
            long inFlightFailed = load.failures().stream().filter(f -> f.replica().equals(victim.name())
                    && f.sent() - sigterm.get() < 0 && f.at() - sigterm.get() >= 0).count();
            System.out.printf("SIGTERM under load: %d appeals, %d 202s (%d replayed); the stopped replica: %d tries "
                    + "in flight at SIGTERM answered 202, %d not; %d 202s after SIGTERM; exit %d after %d ms, "
                    + "%d ERROR lines; failed tries %s%n",
                    load.keys().size(), load.acks().size(), replayed(load), inFlightAnswered, inFlightFailed,
                    load.acksFrom(victim.name(), sigterm.get()), victim.exitValue(),
                    Duration.ofNanos(ended.get() - sigterm.get()).toMillis(), errorLines(victim), load.failureCounts());
        }
    }

    @Test
    void kill_9_under_load_loses_nothing_acknowledged_and_retries_with_the_same_key_store_each_appeal_once()
            throws Exception {
        try (Replica victim = start("drain-kill")) {
            IntakeLoad load = stoppedUnderLoad(victim, "kill-", Replica::kill);
            System.out.printf("kill -9 under load: %d appeals, %d 202s (%d replayed); failed tries %s%n",
                    load.keys().size(), load.acks().size(), replayed(load), load.failureCounts());
        }
    }

    /** What a test does to the victim once both replicas take appeals. */
    private interface Stop {
        void apply(Replica victim) throws Exception;
    }

    /**
     * Loads both replicas until each has answered {@link #ACKS} 202s, stops the victim so, loads on until the survivor
     * has answered as many again, lets every submission finish, and checks that each is stored once.
     */
    private static IntakeLoad stoppedUnderLoad(Replica victim, String markerPrefix, Stop stop) throws Exception {
        String marker = markerPrefix + UUID.randomUUID().toString().substring(0, 8);
        IntakeLoad load = new IntakeLoad(List.of(victim, survivor), THREADS, marker);
        try {
            awaitAcks(load, victim, load.started());
            awaitAcks(load, survivor, load.started());
            stop.apply(victim);
            awaitAcks(load, survivor, System.nanoTime());
        } finally {
            load.close();
        }
        everyAcknowledgedAppealStoredOnce(load, marker);
        return load;
    }

    /** Until the replica has answered {@link #ACKS} 202s since {@code since} (nanoTime). */
    private static void awaitAcks(IntakeLoad load, Replica replica, long since) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                load.acksFrom(replica.name(), since)).as("202s from " + replica.name()).isGreaterThanOrEqualTo(ACKS));
    }

    private static void everyAcknowledgedAppealStoredOnce(IntakeLoad load, String marker) throws Exception {
        List<Ack> acks = load.acks();
        Map<String, Set<String>> answers = acks.stream()
                .collect(Collectors.groupingBy(Ack::key, Collectors.mapping(Ack::trackingNo, Collectors.toSet())));
        assertThat(answers.keySet()).as("every submission was answered 202 in the end")
                .containsExactlyInAnyOrderElementsOf(load.keys());
        assertThat(answers).as("all 202s for one key name one appeal").allSatisfy((key, numbers) -> assertThat(numbers)
                .hasSize(1));

        Set<String> expected = new HashSet<>();
        answers.forEach((key, numbers) -> expected.add("WEB:" + key + " " + numbers.iterator().next()));
        Object keys = load.keys().stream().map(key -> "WEB:" + key).toArray(String[]::new);
        assertThat(DB.strings("SELECT dedupe_key || ' ' || tracking_no FROM appeal WHERE dedupe_key = ANY(?)", keys))
                .as("the appeal each key's 202 named, stored").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(DB.count("SELECT count(*) FROM appeal WHERE title LIKE ?", "负载 " + marker + "-%"))
                .as("appeals of this run, however stored").isEqualTo(load.keys().size());
    }

    private static long replayed(IntakeLoad load) {
        return load.acks().stream().filter(Ack::replayed).count();
    }

    private static long errorLines(Replica replica) throws IOException {
        try (var lines = Files.lines(replica.log())) {
            return lines.filter(line -> line.contains(" ERROR ")).count();
        }
    }
}
