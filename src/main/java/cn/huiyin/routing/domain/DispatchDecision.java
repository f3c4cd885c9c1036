package cn.huiyin.routing.domain;

/** Where an appeal goes first: straight to a unit, or to the dispatcher's queue, with the reason why. */
public sealed interface DispatchDecision {

    String reason();

    record ToUnit(String unitCode, String reason) implements DispatchDecision {
    }

    record ToDispatcher(String reason) implements DispatchDecision {
    }
}
