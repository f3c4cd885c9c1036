package cn.huiyin.appeal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import cn.huiyin.appeal.domain.QueryCodes;
import cn.huiyin.shared.web.WebConfig;
import io.quarkus.runtime.StartupEvent;

/** One {@link QueryCodes} for the service: the web channel issues codes, the appeal views check them. */
@ApplicationScoped
public class QueryCodesProducer {

    @Produces
    @ApplicationScoped
    QueryCodes queryCodes(WebConfig config) {
        return new QueryCodes(config.queryCodeSecret());
    }

    /** A secret that is too short stops the start, not the first submission. */
    void checkAtStart(@Observes StartupEvent event, QueryCodes codes) {
        codes.codeFor("0000000000000");
    }
}
