package cn.huiyin.sla.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockRuleDraft;
import cn.huiyin.sla.domain.ClockUnit;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The clock rules as administrators keep them: versions added with their audit, and read back whole or by clock.
 * Hibernate Reactive (ADR 0012): each public method opens its own session or joins the caller's. The planner's read
 * stays on the raw client in {@link ClockRuleRepository}.
 */
@ApplicationScoped
public class ClockRuleVersionRepository {

    /** A version as the administrator sees it: the rule, and who added it, when and why. */
    public record Version(long id, String clock, String appealType, String category, Boolean urgent, int amount,
            String unit, String legalSource, LocalDate effectiveFrom, String changedBy, Instant changedAt, String reason) {

        /** The rule this version is, as the planner reads it. */
        public ClockRule rule() {
            return new ClockRule(id, ClockKind.valueOf(clock), appealType, category, urgent, amount, ClockUnit.valueOf(unit),
                    legalSource, effectiveFrom);
        }
    }

    /** Stores a checked draft as a new version; the texts trimmed. */
    @WithTransaction
    public Uni<Version> add(ClockRuleDraft draft, String changedBy, Instant now) {
        ClockRuleEntity version = new ClockRuleEntity();
        version.clock = draft.kind().name();
        version.appealType = draft.appealType();
        version.category = draft.category();
        version.urgent = draft.urgent();
        version.amount = draft.amount();
        version.unit = draft.clockUnit().name();
        version.legalSource = draft.legalSource().strip();
        version.effectiveFrom = draft.effectiveFrom();
        version.changedBy = changedBy;
        // PostgreSQL keeps microseconds: the version handed back is exactly the one stored
        version.changedAt = now.truncatedTo(ChronoUnit.MICROS);
        version.reason = draft.reason().strip();
        return version.persist().map(stored -> version(version));
    }

    /** Every version of every clock, oldest first. */
    @WithSession
    public Uni<List<Version>> all() {
        return ClockRuleEntity.<ClockRuleEntity> list("order by id").map(ClockRuleVersionRepository::versions);
    }

    /** Every version of one clock, oldest first. */
    @WithSession
    public Uni<List<Version>> history(ClockKind clock) {
        return ClockRuleEntity.<ClockRuleEntity> list("clock = ?1 order by id", clock.name())
                .map(ClockRuleVersionRepository::versions);
    }

    private static List<Version> versions(List<ClockRuleEntity> found) {
        return found.stream().map(ClockRuleVersionRepository::version).toList();
    }

    private static Version version(ClockRuleEntity v) {
        return new Version(v.id, v.clock, v.appealType, v.category, v.urgent, v.amount, v.unit, v.legalSource,
                v.effectiveFrom, v.changedBy, v.changedAt, v.reason);
    }
}
