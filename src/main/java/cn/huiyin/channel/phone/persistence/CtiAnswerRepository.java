package cn.huiyin.channel.phone.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The first answer given to each signed CTI event: a replayed {@code eventId} gets it again. */
@ApplicationScoped
public class CtiAnswerRepository {

    public record Answer(int status, String body) {
    }

    @Inject
    Pool pool;

    public Uni<Optional<Answer>> find(String eventId) {
        return pool.preparedQuery("SELECT status, response FROM cti_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(answer(rows.iterator().next())) : Optional.empty());
    }

    /** Keeps {@code answer} unless another delivery of the same event got there first; returns the one kept. */
    public Uni<Answer> remember(String eventId, String event, String callId, Answer answer) {
        return pool.preparedQuery("""
                INSERT INTO cti_event (event_id, event, call_id, status, response) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.of(eventId, event, callId, answer.status(), answer.body()))
                .chain(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().item(answer)
                        : find(eventId).map(Optional::orElseThrow));
    }

    private static Answer answer(Row row) {
        return new Answer(row.getInteger("status"), row.getString("response"));
    }
}
