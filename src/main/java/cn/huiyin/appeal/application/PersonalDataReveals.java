package cn.huiyin.appeal.application;

import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.appeal.domain.AppealAccess;
import cn.huiyin.appeal.persistence.AppealReadRepository;
import cn.huiyin.appeal.persistence.RevealLog;
import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.shared.domain.TrackingNumber;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

/**
 * Staff see contact names and mobile numbers masked. Those who must call the enterprise back — the agent, the
 * dispatcher, the unit's commissioners and leader — may reveal one, with a purpose; every reveal is recorded.
 */
@ApplicationScoped
public class PersonalDataReveals {

    public record Revealed(String field, String value) {
    }

    public static final Set<String> FIELDS = Set.of("contactName", "contactMobile");

    private static final Set<String> MAY_REVEAL = Set.of(Roles.AGENT, Roles.DISPATCHER, Roles.COMMISSIONER, Roles.UNIT_LEADER);

    @Inject
    AppealReadRepository appeals;

    @Inject
    RevealLog log;

    @Inject
    Clock clock;

    public Uni<Revealed> reveal(String rawTrackingNo, Caller caller, String field, String purpose) {
        String trackingNo = TrackingNumber.parse(rawTrackingNo).map(TrackingNumber::value)
                .orElseThrow(() -> ProblemException.badRequest("trackingNo", "A tracking number has 13 digits and a valid check digit"));
        return appeals.find(trackingNo).chain(found -> {
            var appeal = found.orElseThrow(() -> ProblemException.notFound("Appeal " + trackingNo));
            if (AppealAccess.decide(caller, appeal.handlingUnit(), appeal.helperUnits(), appeal.uscc(), false) != AppealAccess.STAFF) {
                throw ProblemException.notFound("Appeal " + trackingNo);
            }
            if (!MAY_REVEAL.contains(caller.role())) {
                throw new ForbiddenException();
            }
            String value = "contactName".equals(field) ? appeal.contactName() : appeal.mobile();
            return log.record(appeal.id(), field, caller.actor(), purpose, clock.instant()).replaceWith(new Revealed(field, value));
        });
    }
}
