package cn.huiyin.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

class PoolTimerNoiseFilterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PoolTimerNoiseFilter filter = new PoolTimerNoiseFilter(now::get);

    /** What Vert.x hands its logger when the pool's stale wait timer fires. */
    private static LogRecord noise() {
        IllegalStateException thrown = new IllegalStateException(PoolTimerNoiseFilter.ALREADY_COMPLETE);
        thrown.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
                new StackTraceElement(PoolTimerNoiseFilter.POOL, "lambda$execute$3", "SqlConnectionPool.java", 216) });
        return record(thrown);
    }

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Uncaught exception received by Vert.x");
        record.setThrown(thrown);
        return record;
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void an_outage_s_flood_becomes_one_warning_without_a_stack_trace() {
        LogRecord first = noise();
        assertThat(filter.isLoggable(first)).isTrue();
        assertThat(first.getLevel().getName()).isEqualTo("WARN");
        assertThat(first.getMessage()).isEqualTo(PoolTimerNoiseFilter.SUMMARY);
        assertThat(first.getThrown()).isNull();

        int logged = 0;
        for (int i = 0; i < 250; i++) {
            advance(Duration.ofMillis(200)); // 50 s of timers firing, never a quiet minute
            logged += filter.isLoggable(noise()) ? 1 : 0;
        }
        assertThat(logged).isZero();
    }

    @Test
    void the_next_outage_after_a_quiet_minute_gets_its_own_line() {
        assertThat(filter.isLoggable(noise())).isTrue();
        advance(Duration.ofSeconds(59));
        assertThat(filter.isLoggable(noise())).isFalse();
        advance(Duration.ofSeconds(61));
        assertThat(filter.isLoggable(noise())).isTrue();
    }

    @Test
    void every_other_record_passes_untouched() {
        LogRecord plain = new LogRecord(Level.SEVERE, "something else");
        IllegalStateException elsewhere = new IllegalStateException(PoolTimerNoiseFilter.ALREADY_COMPLETE);
        elsewhere.setStackTrace(new StackTraceElement[] { new StackTraceElement("cn.huiyin.X", "y", "X.java", 1) });
        LogRecord sameWordsElsewhere = record(elsewhere);
        LogRecord otherFailure = record(new IllegalStateException("Connection refused"));

        for (LogRecord r : new LogRecord[] { plain, sameWordsElsewhere, otherFailure }) {
            assertThat(filter.isLoggable(r)).isTrue();
            assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
        }
        assertThat(sameWordsElsewhere.getThrown()).isSameAs(elsewhere);
        assertThat(filter.isLoggable(noise())).isTrue(); // none of them counted as the flood
    }

    /**
     * The real thing: a pool whose database is unreachable fails the query at once, and its wait timer fires later
     * with the exception the filter recognises. When an upgrade of the SQL client fixes the timer, this test fails:
     * then the filter and its configuration line can go.
     */
    @Test
    void the_sql_client_in_use_still_raises_what_the_filter_matches() {
        Vertx vertx = Vertx.vertx();
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        vertx.exceptionHandler(uncaught::set);
        try {
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1).setConnectionTimeout(300)
                    .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                    .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(1).setDatabase("none")
                            .setUser("none").setReconnectAttempts(0))
                    .using(vertx).build();
            AtomicReference<Throwable> queryFailure = new AtomicReference<>();
            pool.query("SELECT 1").execute().onFailure(queryFailure::set);

            await().atMost(Duration.ofSeconds(20)).until(() -> queryFailure.get() != null && uncaught.get() != null);
            assertThat(PoolTimerNoiseFilter.isPoolTimerNoise(uncaught.get())).as("%s", uncaught.get()).isTrue();
            pool.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
