package cn.huiyin.appeal.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The audit of personal data shown in full: a row to query and an event in the appeal's own chain. */
@ApplicationScoped
public class RevealLog {

    @Inject
    Pool pool;

    @Inject
    AppealEventAppender events;

    public Uni<Void> record(long appealId, String field, String actor, String purpose, Instant at) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT id FROM appeal WHERE id = $1 FOR UPDATE").execute(Tuple.of(appealId))
                .chain(() -> tx.preparedQuery("INSERT INTO personal_data_reveal (appeal_id, field, revealed_to, purpose, revealed_at) "
                        + "VALUES ($1, $2, $3, $4, $5)").execute(Tuple.of(appealId, field, actor, purpose, at.atOffset(ZoneOffset.UTC))))
                .chain(() -> events.append(tx, Map.of(appealId, List.of(NewEvent.of(new AppealEvent.PersonalDataRevealed(field), actor, at,
                        purpose, Visibility.INTERNAL))))));
    }
}
