package cn.huiyin.routing.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import cn.huiyin.routing.domain.CatalogueLine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue's history ({@link CatalogueVersionEntity}) and the lines in force ({@link DispatchCategoryEntity}), as
 * the administrator and the activation job change them. Hibernate Reactive: each public method opens its own session
 * (or joins the caller's); a session runs one statement at a time, so reads for one page go one after another.
 */
@ApplicationScoped
public class CatalogueVersionRepository {

    public record Version(long id, String category, String name, String unitRule, Integer urgentHours, String keywords,
            Instant effectiveFrom, String changedBy, Instant changedAt, String reason, Instant appliedAt) {
    }

    /** A line of the catalogue in force, with its keywords (the routing rules leave them out). */
    public record Line(String category, String name, String unitRule, Integer urgentHours, String keywords) {
    }

    /** What the administrator's page shows: the lines in force, the versions waiting, and one line's history. */
    public record Overview(List<Line> lines, List<Version> pending, List<Version> history) {
    }

    /** Adds a version; when its time has come it is put in force in the same transaction, and comes back marked so. */
    @WithTransaction
    public Uni<Version> add(CatalogueLine line, String changedBy, Instant now) {
        CatalogueVersionEntity version = new CatalogueVersionEntity();
        version.category = line.category();
        version.name = line.name().strip();
        version.unitRule = line.unitRule();
        version.urgentHours = line.urgentHours();
        version.keywords = line.keywords() == null ? "" : line.keywords().strip();
        version.effectiveFrom = asStored(line.effectiveFrom());
        version.changedBy = changedBy;
        version.changedAt = asStored(now);
        version.reason = line.reason().strip();
        return version.persist().chain(() -> putDueInForce(asStored(now))).map(applied -> version(version));
    }

    /** Makes every version whose time has come the line in force, oldest first. Returns how many. */
    @WithTransaction
    public Uni<Integer> applyDue(Instant now) {
        return putDueInForce(asStored(now));
    }

    /** Every version of the category, oldest first. */
    @WithSession
    public Uni<List<Version>> history(String category) {
        return CatalogueVersionEntity.<CatalogueVersionEntity> list("category = ?1 order by id", category)
                .map(CatalogueVersionRepository::versions);
    }

    /** The versions dated ahead, in the order they will come into force. */
    @WithSession
    public Uni<List<Version>> pending() {
        return CatalogueVersionEntity.<CatalogueVersionEntity> list("appliedAt is null order by effectiveFrom, id")
                .map(CatalogueVersionRepository::versions);
    }

    /** The lines in force, in the catalogue's order. */
    @WithSession
    public Uni<List<Line>> lines() {
        return DispatchCategoryEntity.inCatalogueOrder().map(found -> found.stream()
                .map(c -> new Line(c.code, c.name, c.unitRule, c.urgentHours, c.keywords)).toList());
    }

    /** The page's three reads in one session, one after the other; {@code category} null: no history. */
    @WithSession
    public Uni<Overview> overview(String category) {
        Uni<List<Version>> history = category == null ? Uni.createFrom().item(List.of()) : history(category);
        return lines().chain(lines -> pending().chain(pending -> history.map(found -> new Overview(lines, pending, found))));
    }

    /** Of several versions due for one category the latest wins. A category new to the catalogue goes to its end. */
    private Uni<Integer> putDueInForce(Instant now) {
        return lockDue(now).chain(due -> due.isEmpty() ? Uni.createFrom().item(0)
                : DispatchCategoryEntity.<DispatchCategoryEntity> listAll().chain(lines -> {
                    due.forEach(version -> version.appliedAt = now);
                    return DispatchCategoryEntity.persist(inForce(latestPerCategory(due), lines)).replaceWith(due.size());
                }));
    }

    /** The versions due and not yet applied, oldest first, locked; those another replica is applying are skipped. */
    private static Uni<List<CatalogueVersionEntity>> lockDue(Instant now) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from CatalogueVersionEntity where appliedAt is null and effectiveFrom <= ?1 order by effectiveFrom, id",
                CatalogueVersionEntity.class).setParameter(1, now).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList());
    }

    private static Map<String, CatalogueVersionEntity> latestPerCategory(List<CatalogueVersionEntity> due) {
        Map<String, CatalogueVersionEntity> latest = new LinkedHashMap<>();
        due.forEach(version -> latest.put(version.category, version));
        return latest;
    }

    /** The lines these versions make: the existing line changed in place, or a new one after the last. */
    private static List<DispatchCategoryEntity> inForce(Map<String, CatalogueVersionEntity> latest,
            List<DispatchCategoryEntity> lines) {
        Map<String, DispatchCategoryEntity> byCode = new LinkedHashMap<>();
        int last = 0;
        for (DispatchCategoryEntity line : lines) {
            byCode.put(line.code, line);
            last = Math.max(last, line.position);
        }
        List<DispatchCategoryEntity> changed = new ArrayList<>();
        for (CatalogueVersionEntity version : latest.values()) {
            DispatchCategoryEntity line = byCode.get(version.category);
            if (line == null) {
                line = new DispatchCategoryEntity();
                line.code = version.category;
                line.position = ++last;
            }
            line.name = version.name;
            line.unitRule = version.unitRule;
            line.urgentHours = version.urgentHours;
            line.keywords = version.keywords;
            changed.add(line);
        }
        return changed;
    }

    private static List<Version> versions(List<CatalogueVersionEntity> found) {
        return found.stream().map(CatalogueVersionRepository::version).toList();
    }

    private static Version version(CatalogueVersionEntity v) {
        return new Version(v.id, v.category, v.name, v.unitRule, v.urgentHours, v.keywords, v.effectiveFrom, v.changedBy,
                v.changedAt, v.reason, v.appliedAt);
    }

    /** PostgreSQL keeps microseconds: the version handed back is exactly the one stored. */
    private static Instant asStored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
