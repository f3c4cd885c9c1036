package cn.huiyin.routing.persistence;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.routing.domain.LabeledText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** What the classifier learns from: the labelled examples and each category's catalogue keywords. */
@ApplicationScoped
public class RoutingExampleRepository {

    @Inject
    Pool pool;

    /**
     * At most this many stored examples are learnt from, so retraining stays bounded however long the table
     * grows: the newest dispatcher corrections first, then the seed examples.
     */
    public static final int MAX_EXAMPLES = 5000;

    /** Read afresh at every subscription, so a cache over it re-reads when it refreshes. */
    public Uni<List<LabeledText>> trainingExamples() {
        return pool.query("SELECT text, category FROM (SELECT text, category FROM routing_example "
                + "ORDER BY (source = 'CORRECTION') DESC, created_at DESC, id DESC LIMIT " + MAX_EXAMPLES + ") newest "
                + "UNION ALL SELECT keywords, code FROM dispatch_category WHERE keywords <> '' ORDER BY 2, 1").execute()
                .map(rows -> {
                    List<LabeledText> examples = new ArrayList<>();
                    rows.forEach(r -> examples.add(new LabeledText(r.getString("text"), r.getString("category"))));
                    return examples;
                });
    }
}
