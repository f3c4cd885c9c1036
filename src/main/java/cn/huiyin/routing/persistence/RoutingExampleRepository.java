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

    /**
     * A fingerprint of everything the classifier learns from, equal as long as none of it changed, on whichever
     * replica: the examples by their number, highest id and a sum of their hashes (dispatchers only add rows, but
     * rows removed or edited in SQL change it too), and the catalogue in force by a hash of its names and keywords
     * (a few hundred short rows). Every replica reads it every few seconds while it routes, so it is one statement.
     */
    public Uni<String> version() {
        return pool.query("""
                SELECT (SELECT count(*) || '.' || coalesce(max(id), 0) || '.'
                            || coalesce(sum(hashtext(category || ':' || text)), 0) FROM routing_example)
                    || '/' || (SELECT coalesce(md5(string_agg(code || ':' || name || ':' || keywords, ',' ORDER BY code)), '')
                        FROM dispatch_category) AS version""")
                .execute().map(rows -> rows.iterator().next().getString("version"));
    }
}
