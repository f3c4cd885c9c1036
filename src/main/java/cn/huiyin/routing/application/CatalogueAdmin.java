package cn.huiyin.routing.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.huiyin.routing.domain.CatalogueLine;
import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.routing.persistence.CatalogueVersionRepository;
import cn.huiyin.routing.persistence.CatalogueVersionRepository.Version;
import cn.huiyin.shared.cache.CacheChanges;
import cn.huiyin.shared.cache.SharedCache;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.web.Problems;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Changes to the dispatch catalogue without a deploy: each change is a new version with its author, reason and
 * effective time; it becomes the line in force at once or, if dated ahead, when its time comes.
 */
@ApplicationScoped
public class CatalogueAdmin {

    private static final Logger LOG = Logger.getLogger(CatalogueAdmin.class);

    @Inject
    CatalogueRepository catalogue;

    @Inject
    CatalogueVersionRepository versions;

    @Inject
    RoutingSuggestions routing;

    @Inject
    CacheChanges changes;

    @Inject
    Clock clock;

    public Uni<Version> change(CatalogueLine proposed, Caller caller) {
        Instant now = clock.instant();
        CatalogueLine line = proposed.effectiveFrom() != null ? proposed
                : new CatalogueLine(proposed.category(), proposed.name(), proposed.unitRule(), proposed.urgentHours(),
                        proposed.keywords(), now, proposed.reason());
        return catalogue.current().chain(current -> {
            List<FieldViolation> violations = line.check(current.unitNames().keySet(), now);
            if (!violations.isEmpty()) {
                throw Problems.invalid(violations);
            }
            return versions.add(line, caller.actor(), now);
        }).invoke(this::changed);
    }

    @Scheduled(every = "${huiyin.routing.catalogue-activation-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return activateDue().onFailure().invoke(f -> LOG.warnf("catalogue activation failed, will retry: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Puts in force every version whose effective time has come. Returns how many. */
    public Uni<Integer> activateDue() {
        return versions.applyDue(clock.instant()).invoke(applied -> {
            if (applied > 0) {
                changed();
            }
        });
    }

    private void changed() {
        catalogue.changed();
        changes.changed(SharedCache.CATALOGUE);
        routing.examplesChanged(); // keywords are part of what the classifier learns (it tells the other replicas too)
    }
}
