package cn.huiyin.appeal.application;

import java.time.Instant;
import java.util.List;

import cn.huiyin.appeal.domain.Appeal;
import cn.huiyin.appeal.domain.Appeal.Decision;
import cn.huiyin.appeal.domain.Appeal.Taken;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.shared.web.ProblemException;

/** What the services do with the {@link Appeal}'s decisions: refusals as the API answers them, events to append. */
public final class AppealDecisions {

    private AppealDecisions() {
    }

    /** The step taken, or its refusal as an answer: hidden is "not found", invalid names its field, not now a conflict. */
    public static Taken taken(Decision decision, String trackingNo) {
        if (decision instanceof Appeal.Hidden) {
            throw ProblemException.notFound("Appeal " + trackingNo);
        }
        if (decision instanceof Appeal.Invalid invalid) {
            throw ProblemException.badRequest(invalid.field(), invalid.reason());
        }
        if (decision instanceof Appeal.NotNow notNow) {
            throw ProblemException.conflict(notNow.reason());
        }
        return (Taken) decision;
    }

    /** The step's events, ready to append; those without an actor of their own are by {@code actor}. */
    public static List<NewEvent> events(Taken taken, String actor, Instant at) {
        return taken.happened().stream()
                .map(h -> NewEvent.of(h.event(), h.actor() == null ? actor : h.actor(), at, h.text(), h.visibility()))
                .toList();
    }
}
