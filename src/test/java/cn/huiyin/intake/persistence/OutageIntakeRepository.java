package cn.huiyin.intake.persistence;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

/**
 * The intake's database during an outage, for tests that enable it in their profile: while {@link #refuseInserts} is
 * set no appeal can be stored (the stream then refuses what it is given), and while {@link #failLookups} is set nobody
 * can ask which appeal a dedupe key holds — the two halves of PostgreSQL being down, switchable apart.
 */
@Alternative
@ApplicationScoped
public class OutageIntakeRepository extends IntakeRepository {

    public static final AtomicBoolean refuseInserts = new AtomicBoolean();
    public static final AtomicBoolean failLookups = new AtomicBoolean();

    public static void heal() {
        refuseInserts.set(false);
        failLookups.set(false);
    }

    @Override
    public Uni<List<Long>> insertAll(List<NewAppeal> appeals) {
        return refuseInserts.get() ? unreachable() : super.insertAll(appeals);
    }

    @Override
    public Uni<Optional<Stored>> storedUnder(String dedupeKey) {
        return failLookups.get() ? unreachable() : super.storedUnder(dedupeKey);
    }

    private static <T> Uni<T> unreachable() {
        return Uni.createFrom().failure(new IllegalStateException("database unreachable (test outage)"));
    }
}
