package cn.huiyin.notify.wecom;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Whether WeCom is on: the app as configured, or empty; said once in the log at start-up. */
@ApplicationScoped
public class WecomAgents {

    private static final Logger LOG = Logger.getLogger(WecomAgents.class);

    @Inject
    WecomConfig config;

    public Optional<WecomAgent> configured() {
        Optional<String> corpId = config.corpId().filter(id -> !id.isBlank());
        Optional<String> secret = config.corpSecret().filter(s -> !s.isBlank());
        if (corpId.isEmpty() || secret.isEmpty() || config.agentId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WecomAgent(corpId.get().strip(), secret.get(), config.agentId().get()));
    }

    public boolean enabled() {
        return configured().isPresent();
    }

    void onStart(@Observes StartupEvent event) {
        configured().ifPresentOrElse(
                agent -> LOG.infof("WeCom application messages on: staff notices also go to WeCom app %s at %s",
                        agent.name(), config.apiBase()),
                () -> LOG.info("WeCom application messages off (huiyin.wecom.corp-id, corp-secret and agent-id are not all"
                        + " set): staff notices are in-app only"));
    }
}
