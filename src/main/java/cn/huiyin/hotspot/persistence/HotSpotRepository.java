package cn.huiyin.hotspot.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.hotspot.domain.CandidateAppeal;
import cn.huiyin.hotspot.domain.HotSpot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The hot spots (this capability's tables) and what the job reads to find them: the month's appeals, read from the
 * appeal table as the risk job does, because the appeal capability offers no bulk read of texts.
 */
@ApplicationScoped
public class HotSpotRepository {

    /** A stored hot spot as the pages and the API read it. */
    public record StoredHotSpot(long id, String label, String category, String street, int appeals, int enterprises,
            int lastSpan, int spanBefore, Instant firstSeen, Instant lastSeen, Instant computedAt) {
    }

    /** One appeal of a hot spot, as it stands now. */
    public record MemberAppeal(long hotSpotId, int position, String trackingNo, String title, String enterpriseName,
            String status, String handlingUnit, Instant receivedAt) {
    }

    /** Transaction-scoped, so a replica that dies mid-way frees it; one number shared by every replica. */
    private static final long REFRESH_LOCK = 0x6875_6979_686f_7473L; // "huiyhots"

    @Inject
    Pool pool;

    /** Whether this transaction may refresh now; false when another replica is refreshing. */
    public Uni<Boolean> tryRefreshLock(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked").execute(Tuple.of(REFRESH_LOCK))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    /**
     * The appeals received after {@code since}. The street is the one handling it where a street does (属地: the
     * place of the matter), else the enterprise's; the enterprise is its USCC, else its name.
     */
    public Uni<List<CandidateAppeal>> receivedSince(SqlClient tx, Instant since) {
        return tx.preparedQuery("""
                SELECT a.id, a.title, a.content, a.category,
                    coalesce(CASE WHEN u.kind = 'STREET' THEN a.handling_unit END, a.street_code) AS street,
                    coalesce(nullif(btrim(a.uscc), ''), 'name:' || nullif(btrim(a.enterprise_name), '')) AS enterprise,
                    a.received_at
                FROM appeal a LEFT JOIN handling_unit u ON u.code = a.handling_unit
                WHERE a.received_at > $1""")
                .execute(Tuple.of(utc(since)))
                .map(rows -> {
                    List<CandidateAppeal> appeals = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        appeals.add(new CandidateAppeal(r.getLong("id"), r.getString("title"), r.getString("content"),
                                r.getString("category"), r.getString("street"), r.getString("enterprise"),
                                instant(r, "received_at")));
                    }
                    return appeals;
                });
    }

    /** Replaces every stored hot spot with these, computed at {@code at}. */
    public Uni<Void> replaceAll(SqlClient tx, List<HotSpot> spots, Instant at) {
        int n = spots.size();
        Long[] ids = new Long[n];
        Long[] centrals = new Long[n];
        String[] labels = new String[n];
        String[] categories = new String[n];
        String[] streets = new String[n];
        Integer[] sizes = new Integer[n];
        Integer[] enterprises = new Integer[n];
        Integer[] lastSpans = new Integer[n];
        Integer[] spansBefore = new Integer[n];
        OffsetDateTime[] firsts = new OffsetDateTime[n];
        OffsetDateTime[] lasts = new OffsetDateTime[n];
        List<Long> memberSpots = new ArrayList<>();
        List<Long> memberAppeals = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HotSpot s = spots.get(i);
            ids[i] = s.id();
            centrals[i] = s.centralAppealId();
            labels[i] = s.label().length() > 50 ? s.label().substring(0, 50) : s.label();
            categories[i] = s.category();
            streets[i] = s.street();
            sizes[i] = s.size();
            enterprises[i] = s.enterprises();
            lastSpans[i] = s.lastSpan();
            spansBefore[i] = s.spanBefore();
            firsts[i] = utc(s.firstSeen());
            lasts[i] = utc(s.lastSeen());
            for (int p = 0; p < s.appealIds().size(); p++) {
                memberSpots.add(s.id());
                memberAppeals.add(s.appealIds().get(p));
                positions.add(p);
            }
        }
        return tx.query("DELETE FROM hotspot").execute()
                .chain(() -> tx.preparedQuery("""
                        INSERT INTO hotspot (id, central_appeal_id, label, category, street_code, appeals, enterprises,
                            last_span, span_before, first_seen, last_seen, computed_at)
                        SELECT *, $12::timestamptz FROM unnest($1::bigint[], $2::bigint[], $3::varchar[], $4::varchar[],
                            $5::varchar[], $6::int[], $7::int[], $8::int[], $9::int[], $10::timestamptz[], $11::timestamptz[])""")
                        .execute(Tuple.from(new Object[] { ids, centrals, labels, categories, streets, sizes, enterprises,
                                lastSpans, spansBefore, firsts, lasts, utc(at) })))
                .chain(() -> tx.preparedQuery("""
                        INSERT INTO hotspot_appeal (hotspot_id, appeal_id, position)
                        SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[])""")
                        .execute(Tuple.of(memberSpots.toArray(Long[]::new), memberAppeals.toArray(Long[]::new),
                                positions.toArray(Integer[]::new))))
                .replaceWithVoid();
    }

    /**
     * The stored hot spots, the largest first (or the latest to get an appeal): all, or (with {@code unit}) those with
     * an appeal handled by that unit; of one category and street where asked.
     */
    public Uni<List<StoredHotSpot>> list(String unit, String category, String street, boolean latestFirst, int limit) {
        return pool.preparedQuery(SELECT_HOTSPOTS + """
                WHERE ($1::varchar IS NULL OR EXISTS (SELECT 1 FROM hotspot_appeal m JOIN appeal a ON a.id = m.appeal_id
                        WHERE m.hotspot_id = h.id AND a.handling_unit = $1))
                  AND ($2::varchar IS NULL OR h.category = $2) AND ($3::varchar IS NULL OR h.street_code = $3)
                """ + (latestFirst ? "ORDER BY h.last_seen DESC, h.id" : "ORDER BY h.appeals DESC, h.last_span DESC, h.last_seen DESC, h.id")
                + " LIMIT $4")
                .execute(Tuple.of(unit, category, street, limit))
                .map(HotSpotRepository::hotSpots);
    }

    public Uni<Optional<StoredHotSpot>> one(long id) {
        return pool.preparedQuery(SELECT_HOTSPOTS + " WHERE h.id = $1").execute(Tuple.of(id))
                .map(rows -> hotSpots(rows).stream().findFirst());
    }

    /** The appeals of these hot spots as they stand now, in each hot spot's order; only {@code unit}'s where given. */
    public Uni<List<MemberAppeal>> appealsOf(Long[] hotSpotIds, String unit) {
        return pool.preparedQuery("""
                SELECT m.hotspot_id, m.position, a.tracking_no, a.title, a.enterprise_name, a.status, a.handling_unit,
                    a.received_at
                FROM hotspot_appeal m JOIN appeal a ON a.id = m.appeal_id
                WHERE m.hotspot_id = ANY($1) AND ($2::varchar IS NULL OR a.handling_unit = $2)
                ORDER BY m.hotspot_id, m.position""")
                .execute(Tuple.of(hotSpotIds, unit))
                .map(rows -> {
                    List<MemberAppeal> members = new ArrayList<>();
                    for (Row r : rows) {
                        members.add(new MemberAppeal(r.getLong("hotspot_id"), r.getInteger("position"),
                                r.getString("tracking_no"), r.getString("title"), r.getString("enterprise_name"),
                                r.getString("status"), r.getString("handling_unit"), instant(r, "received_at")));
                    }
                    return members;
                });
    }

    private static final String SELECT_HOTSPOTS = """
            SELECT h.id, h.label, h.category, h.street_code, h.appeals, h.enterprises, h.last_span, h.span_before,
                h.first_seen, h.last_seen, h.computed_at
            FROM hotspot h
            """;

    private static List<StoredHotSpot> hotSpots(RowSet<Row> rows) {
        List<StoredHotSpot> spots = new ArrayList<>();
        for (Row r : rows) {
            spots.add(new StoredHotSpot(r.getLong("id"), r.getString("label"), r.getString("category"),
                    r.getString("street_code"), r.getInteger("appeals"), r.getInteger("enterprises"),
                    r.getInteger("last_span"), r.getInteger("span_before"), instant(r, "first_seen"),
                    instant(r, "last_seen"), instant(r, "computed_at")));
        }
        return spots;
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
