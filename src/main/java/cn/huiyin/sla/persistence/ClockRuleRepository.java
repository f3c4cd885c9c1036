package cn.huiyin.sla.persistence;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRule;
import cn.huiyin.sla.domain.ClockRules;
import cn.huiyin.sla.domain.ClockUnit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The clock rules ({@code clock_rule}), read whole for the deadline planner: every version, since a running clock keeps
 * the one it started under. The planner's read stays on the raw reactive client for the same reason as
 * {@link WorkCalendarRepository#load()} (ADR 0012); administrators add versions through
 * {@link ClockRuleVersionRepository}.
 */
@ApplicationScoped
public class ClockRuleRepository {

    @Inject
    Pool pool;

    public Uni<ClockRules> load() {
        return pool.query("""
                SELECT id, clock, appeal_type, category, urgent, amount, unit, legal_source, effective_from
                FROM clock_rule ORDER BY id""").execute().map(rows -> {
            List<ClockRule> rules = new ArrayList<>();
            for (Row r : rows) {
                rules.add(new ClockRule(r.getLong("id"), ClockKind.valueOf(r.getString("clock")), r.getString("appeal_type"),
                        r.getString("category"), r.getBoolean("urgent"), r.getInteger("amount"),
                        ClockUnit.valueOf(r.getString("unit")), r.getString("legal_source"), r.getLocalDate("effective_from")));
            }
            return new ClockRules(rules);
        });
    }
}
