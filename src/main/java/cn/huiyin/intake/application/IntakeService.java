package cn.huiyin.intake.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.intake.IntakeEnvelope;
import cn.huiyin.intake.domain.IntakePlan;
import cn.huiyin.intake.persistence.IntakeRepository;
import cn.huiyin.intake.persistence.IntakeRepository.NewAppeal;
import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchPolicy;
import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.shared.domain.JsonText;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * The intake processor's use case: identify, dispatch and persist a batch of appeals, each with its first
 * events and outbox row, in one transaction.
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
    CatalogueRepository catalogue;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    public Uni<List<Outcome>> store(List<IntakeEnvelope> envelopes) {
        List<String> usccs = envelopes.stream().map(IntakeEnvelope::uscc).filter(Objects::nonNull).distinct().toList();
        return Uni.combine().all().unis(catalogue.current(), repository.streetsOf(usccs))
                .with((rules, streets) -> envelopes.stream().map(e -> plan(e, rules, streets)).toList())
                .chain(appeals -> repository.insertAll(appeals).chain(inserted -> outcomes(envelopes, inserted)))
                .invoke(outcomes -> count(envelopes, outcomes));
    }

    private NewAppeal plan(IntakeEnvelope e, Catalogue rules, Map<String, String> streets) {
        String street = e.uscc() == null ? null : streets.get(e.uscc());
        IntakePlan plan = IntakePlan.of(e.trackingNo(), e.channel(), e.actor(), e.receivedAt(),
                DispatchPolicy.decide(rules, e.category(), street), clock.instant());
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("trackingNo", e.trackingNo());
        notice.put("channel", e.channel());
        notice.put("status", plan.status().name());
        notice.put("unit", plan.handlingUnit());
        notice.put("category", e.category());
        notice.put("appealType", e.appealType());
        notice.put("urgent", e.urgent());
        notice.put("receivedAt", e.receivedAt().toString());
        return new NewAppeal(e, street, plan, "AppealReceived", JsonText.object(notice));
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
            meters.counter("huiyin.intake.appeals", "channel", envelopes.get(i).channel(),
                    "outcome", outcomes.get(i).name().toLowerCase()).increment();
        }
    }
}
