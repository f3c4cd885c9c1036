package cn.huiyin.shared.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/caches}: DOWN while this replica does not hear of cache changes made on other replicas. Not
 * part of readiness on purpose: such a replica still serves, its caches following the others at their periodic check
 * (and Redis being down must not take every replica out of service at once).
 */
@HealthGroup("caches")
@ApplicationScoped
public class CacheChangesHealthCheck implements HealthCheck {

    @Inject
    CacheChanges changes;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cache-changes").status(changes.subscribed())
                .withData("channel", changes.channel()).build();
    }
}
