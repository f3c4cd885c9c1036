package cn.huiyin.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealStatus;
import cn.huiyin.appeal.domain.EventChain;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.appeal.domain.StoredLink;
import cn.huiyin.routing.domain.DispatchDecision;

class IntakePlanTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T02:00:00.123456789Z");
    private static final Instant DECIDED = Instant.parse("2026-11-25T02:00:00.200Z");

    @Test
    void a_placed_appeal_is_dispatched_at_once_with_two_public_chained_events() {
        IntakePlan plan = IntakePlan.of("2611250000013", "WEB", "web:anonymous", RECEIVED,
                new DispatchDecision.ToUnit("TAX", "catalogue: TAX_SERVICE → TAX"),
                new IntakePlan.Routing("TAX_SERVICE", "CATALOGUE", null), DECIDED);

        assertThat(plan.status()).isEqualTo(AppealStatus.DISPATCHED);
        assertThat(plan.handlingUnit()).isEqualTo("TAX");
        assertThat(plan.dispatchedAt()).isEqualTo(DECIDED);
        assertThat(plan.events()).extracting(e -> e.entry().type()).containsExactly("RECEIVED", "DISPATCHED");
        assertThat(plan.events()).extracting(PlannedEvent::visibility).containsOnly(PlannedEvent.Visibility.PUBLIC);
        assertThat(plan.events().get(1).entry().payloadJson())
                .isEqualTo("{\"unit\":\"TAX\",\"category\":\"TAX_SERVICE\",\"routedBy\":\"CATALOGUE\"}");
        assertThat(EventChain.verify(links(plan.events())).intact()).isTrue();
        assertThat(plan.lastHash()).isEqualTo(plan.events().get(1).hash());
    }

    @Test
    void an_unplaced_appeal_stays_received_and_waits_for_the_dispatcher_with_an_internal_note() {
        IntakePlan plan = IntakePlan.of("2611250000013", "WECHAT", "wechat:o123", RECEIVED,
                new DispatchDecision.ToDispatcher("no category given"), new IntakePlan.Routing(null, "DISPATCHER", 0.41),
                DECIDED);

        assertThat(plan.status()).isEqualTo(AppealStatus.RECEIVED);
        assertThat(plan.handlingUnit()).isNull();
        assertThat(plan.dispatchedAt()).isNull();
        assertThat(plan.events().get(1).entry().type()).isEqualTo("AWAITING_DISPATCH");
        assertThat(plan.events().get(1).entry().reason()).isEqualTo("no category given");
        assertThat(plan.events().get(1).visibility()).isEqualTo(PlannedEvent.Visibility.INTERNAL);
        assertThat(plan.events().get(1).entry().payloadJson())
                .isEqualTo("{\"category\":null,\"routedBy\":\"DISPATCHER\",\"confidence\":0.41}");
        assertThat(plan.events().get(0).entry().payloadJson()).isEqualTo("{\"channel\":\"WECHAT\"}");
    }

    private static List<StoredLink> links(List<PlannedEvent> events) {
        return events.stream().map(e -> new StoredLink(e.entry(), e.previousHash(), e.hash())).toList();
    }
}
