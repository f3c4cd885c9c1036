package cn.huiyin.sla.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A fingerprint of what the deadline planner is built from, the clock rules and the work calendar: equal as long as
 * neither changed, different as soon as one did, on whichever replica. Every replica reads it every few seconds, so
 * it is one small statement:
 * <ul>
 *   <li>the rules by their number of rows and highest id: rows are only ever added (a trigger refuses updates and
 *       deletes), so each new version changes the count, even when two versions commit out of id order;
 *   <li>the calendar by its loaded years and when each was imported: an import replaces whole years and stamps them.
 * </ul>
 * On the raw client, like the reads it guards ({@link ClockRuleRepository#load()}, {@link WorkCalendarRepository#load()}).
 */
@ApplicationScoped
public class ReferenceVersionRepository {

    @Inject
    Pool pool;

    public Uni<String> current() {
        return pool.query("""
                SELECT (SELECT count(*) || '.' || coalesce(max(id), 0) FROM clock_rule)
                    || '/' || (SELECT count(*) || '.' || coalesce(md5(string_agg(
                            year || '@' || (extract(epoch FROM imported_at) * 1000000)::bigint, ',' ORDER BY year)), '')
                        FROM work_calendar_year) AS version""")
                .execute().map(rows -> rows.iterator().next().getString("version"));
    }
}
