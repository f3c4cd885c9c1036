package cn.huiyin.sla.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.cache.SharedCache;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.sla.SlaConfig;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.sla.domain.ClockRuleDraft;
import cn.huiyin.sla.domain.ClockRules;
import cn.huiyin.sla.persistence.ClockRuleVersionRepository;
import cn.huiyin.sla.persistence.ClockRuleVersionRepository.Version;
import io.smallrye.mutiny.Uni;

/**
 * Clock rules changed without a deploy: each change is a new version with its author, reason, legal source and
 * effective date. It is in force on this replica at once and on the others within
 * {@code huiyin.sla.change-check-every} ({@link PlannerCache}); clocks already running keep their version.
 */
@ApplicationScoped
public class ClockRuleAdmin {

    /** What became of a proposed version. */
    public sealed interface Outcome permits Added, Refused {
    }

    /** Stored as {@code version}. */
    public record Added(Version version) implements Outcome {
    }

    /** Not stored, for these reasons (in the order of the fields). */
    public record Refused(List<FieldViolation> violations) implements Outcome {
    }

    /** The versions that matter from {@code today} on (the district's day). */
    public record Standing(LocalDate today, List<Version> inForce, List<Version> scheduled) {
    }

    private static final Set<String> APPEAL_TYPES = Arrays.stream(AppealType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    @Inject
    ClockRuleVersionRepository versions;

    @Inject
    Catalogues catalogues;

    @Inject
    SlaCalendar calendar;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    public Uni<Outcome> add(ClockRuleDraft draft, Caller caller) {
        Instant now = clock.instant();
        LocalDate today = today(now);
        return catalogues.current().chain(catalogue -> {
            List<FieldViolation> violations = draft.check(APPEAL_TYPES, catalogue.rules().keySet(), today);
            if (!violations.isEmpty()) {
                return Uni.createFrom().item(new Refused(violations));
            }
            return versions.add(draft, caller.actor(), now).invoke(added -> calendar.changed(SharedCache.CLOCK_RULES))
                    .map(Added::new);
        });
    }

    /** The version in force for each clock and set of matchers, and those dated ahead. */
    public Uni<Standing> standing() {
        LocalDate today = today(clock.instant());
        return versions.all().map(all -> {
            Map<Long, Version> byId = all.stream().collect(Collectors.toMap(Version::id, Function.identity()));
            ClockRules.Standing standing = new ClockRules(all.stream().map(Version::rule).toList()).standing(today);
            return new Standing(today, standing.inForce().stream().map(r -> byId.get(r.id())).toList(),
                    standing.scheduled().stream().map(r -> byId.get(r.id())).toList());
        });
    }

    /** Every version of the clock, oldest first: who added what, when, why and from when it applies. */
    public Uni<List<Version>> history(ClockKind kind) {
        return versions.history(kind);
    }

    private LocalDate today(Instant now) {
        return now.atZone(ZoneId.of(config.zone())).toLocalDate();
    }
}
