package cn.huiyin.appeal.domain;

import java.util.Objects;

/** What the lifecycle says about an action: the appeal moves, or the action is refused. */
public sealed interface Transition permits Transition.Moved, Transition.Refused {

    record Moved(AppealStatus to) implements Transition {
        public Moved {
            Objects.requireNonNull(to, "to");
        }
    }

    record Refused(AppealStatus from, AppealAction action, String reason) implements Transition {
        public Refused {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
