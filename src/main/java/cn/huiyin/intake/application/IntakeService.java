package cn.huiyin.intake.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealEventCodec;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.domain.IntakePlan;
import cn.huiyin.intake.persistence.IntakeRepository;
import cn.huiyin.intake.persistence.IntakeRepository.NewAppeal;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.application.RoutingSuggestions;
import cn.huiyin.routing.domain.CategoryClassifier;
import cn.huiyin.routing.domain.Placement;
import cn.huiyin.routing.domain.Suggestion;
import cn.huiyin.routing.application.Catalogues;
import cn.huiyin.shared.domain.JsonText;
import cn.huiyin.shared.outbox.OutboxRelay;
import cn.huiyin.sla.application.SlaCalendar;
import cn.huiyin.sla.domain.ClockPlan;
import cn.huiyin.sla.domain.SlaPlanner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * The intake processor's use case: identify, dispatch and persist a batch of appeals, each with its first
 * events, outbox row and clocks, in one statement.
 */
@ApplicationScoped
public class IntakeService {

    public enum Outcome {
        /** stored now */
        STORED,
        /** the same appeal (same tracking number or dedupe key, same content) was already stored */
        DUPLICATE,
        /** a different appeal already holds this tracking number or dedupe key: nothing was stored */
        CONFLICT
    }

    @Inject
    IntakeRepository repository;

    @Inject
    Catalogues catalogue;

    @Inject
    RoutingSuggestions routing;

    @Inject
    Clock clock;

    @Inject
    SlaCalendar sla;

    @Inject
    MeterRegistry meters;

    @Inject
    OutboxRelay outbox;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public Uni<List<Outcome>> store(List<IntakeEnvelope> envelopes) {
        List<String> usccs = envelopes.stream().map(IntakeEnvelope::uscc).filter(Objects::nonNull).distinct().toList();
        List<String> nameless = envelopes.stream().filter(IntakeService::lacksName).map(IntakeEnvelope::uscc).distinct().toList();
        return Uni.combine().all().unis(catalogue.current(), repository.streetsOf(usccs), sla.planner(),
                        routing.classifier(), repository.namesOf(nameless)).asTuple()
                .chain(loaded -> repository.insertAll(envelopes.stream()
                        .map(e -> named(e, loaded.getItem5()))
                        .map(e -> plan(e, loaded.getItem1(), loaded.getItem2(), loaded.getItem4(), loaded.getItem3()))
                        .toList()))
                .invoke(ids -> {
                    if (ids.stream().anyMatch(Objects::nonNull)) {
                        // their outbox rows are committed: an idle relay takes them now, not at its next poll
                        outbox.nudge();
                    }
                })
                .chain(ids -> outcomes(envelopes, ids.stream().map(Objects::nonNull).toList()))
                .invoke(outcomes -> count(envelopes, outcomes));
    }

    /** A channel that knows only the enterprise's USCC (a bound WeChat follower, say) sends no name. */
    private static boolean lacksName(IntakeEnvelope e) {
        return e.uscc() != null && (e.enterpriseName() == null || e.enterpriseName().isBlank());
    }

    /** Such an appeal takes the name on record for its USCC, so staff see which enterprise it is. */
    private static IntakeEnvelope named(IntakeEnvelope e, Map<String, String> names) {
        return lacksName(e) && names.containsKey(e.uscc()) ? e.withEnterpriseName(names.get(e.uscc())) : e;
    }

    private NewAppeal plan(IntakeEnvelope e, Catalogue rules, Map<String, String> streets,
            Optional<CategoryClassifier> classifier, SlaPlanner planner) {
        String street = e.uscc() == null ? null : streets.get(e.uscc());
        Placement placement = Placement.of(rules, e.category(), street, classifier, routing.threshold(),
                e.title() + "\n" + e.content());
        IntakePlan.Routing routed = new IntakePlan.Routing(placement.category(), placement.routedBy().name(),
                placement.suggestions().isEmpty() ? null
                        : Math.round(placement.suggestions().get(0).confidence() * 1000) / 1000.0);
        IntakePlan plan = IntakePlan.of(e.trackingNo(), e.channel(), e.actor(), e.receivedAt(), placement.decision(),
                routed, clock.instant());
        AppealNotice notice = new AppealNotice.Received(e.trackingNo(), e.channel(), plan.status().name(),
                plan.handlingUnit(), placement.category(), e.appealType(), e.urgent(), e.receivedAt().toString());
        String suggestions = plan.handlingUnit() != null || placement.suggestions().isEmpty() ? null
                : JsonText.array(placement.suggestions().stream().map(IntakeService::suggestion).toList());
        // clocks start at dispatch, in the statement that stores the appeal, so no dispatched appeal is without them
        List<ClockPlan> clocks = plan.handlingUnit() == null ? List.of()
                : planner.atDispatch(e.appealType(), placement.category(), e.urgent(), plan.dispatchedAt());
        return new NewAppeal(e, street, placement.category(), suggestions, plan, notice.type(),
                AppealEventCodec.payload(notice), clocks);
    }

    private static Map<String, Object> suggestion(Suggestion s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("category", s.category());
        json.put("confidence", Math.round(s.confidence() * 1000) / 1000.0);
        return json;
    }

    /** An insert that stored nothing is a duplicate only if the stored appeal has the same content. */
    private Uni<List<Outcome>> outcomes(List<IntakeEnvelope> envelopes, List<Boolean> inserted) {
        if (!inserted.contains(false)) {
            return Uni.createFrom().item(envelopes.stream().map(e -> Outcome.STORED).toList());
        }
        List<String> trackingNos = new ArrayList<>();
        List<String> dedupeKeys = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            if (!inserted.get(i)) {
                trackingNos.add(envelopes.get(i).trackingNo());
                if (envelopes.get(i).dedupeKey() != null) {
                    dedupeKeys.add(envelopes.get(i).dedupeKey());
                }
            }
        }
        return repository.requestHashes(trackingNos, dedupeKeys).map(stored -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < envelopes.size(); i++) {
                outcomes.add(inserted.get(i) ? Outcome.STORED : duplicateOrConflict(envelopes.get(i), stored));
            }
            return outcomes;
        });
    }

    private static Outcome duplicateOrConflict(IntakeEnvelope e, Map<String, String> storedHashes) {
        String byKey = e.dedupeKey() == null ? null : storedHashes.get(e.dedupeKey());
        String stored = byKey != null ? byKey : storedHashes.get(e.trackingNo());
        return e.requestHash().equals(stored) ? Outcome.DUPLICATE : Outcome.CONFLICT;
    }

    private void count(List<IntakeEnvelope> envelopes, List<Outcome> outcomes) {
        for (int i = 0; i < envelopes.size(); i++) {
            String channel = envelopes.get(i).channel();
            Outcome outcome = outcomes.get(i);
            // looked up once per channel and outcome: the registry's lookup builds tags and a key on every call
            counters.computeIfAbsent(channel + '/' + outcome, key -> meters.counter("huiyin.intake.appeals",
                    "channel", channel, "outcome", outcome.name().toLowerCase())).increment();
        }
    }
}
