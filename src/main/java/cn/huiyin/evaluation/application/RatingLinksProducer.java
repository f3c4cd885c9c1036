package cn.huiyin.evaluation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import cn.huiyin.evaluation.EvaluationConfig;
import cn.huiyin.evaluation.domain.RatingDefault;
import cn.huiyin.evaluation.domain.RatingLinks;
import cn.huiyin.evaluation.domain.ReturnVisitSample;
import cn.huiyin.shared.web.WebConfig;
import io.quarkus.runtime.StartupEvent;

/** One {@link RatingLinks} for the service; a bad secret or default level stops the start, not the first rating. */
@ApplicationScoped
public class RatingLinksProducer {

    @Produces
    @ApplicationScoped
    RatingLinks ratingLinks(EvaluationConfig config, WebConfig web) {
        return new RatingLinks(config.linkSecret().filter(s -> !s.isBlank()).orElse(web.queryCodeSecret()));
    }

    void checkAtStart(@Observes StartupEvent event, RatingLinks links, EvaluationConfig config) {
        links.token("0000000000000", 1, java.time.Instant.EPOCH);
        try {
            RatingDefault.of(config.defaultLevel(), config.defaultResolved());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("huiyin.evaluation.default-level must be 1 to 5", e);
        }
        if (!ReturnVisitSample.isPercent(config.returnVisitSamplePercent())) {
            throw new IllegalStateException("huiyin.evaluation.return-visit-sample-percent must be 0 to 100");
        }
    }

    /** The address of the rating page for this token. */
    public static String link(EvaluationConfig config, String token) {
        return config.publicBaseUrl() + "/rate/" + token;
    }
}
