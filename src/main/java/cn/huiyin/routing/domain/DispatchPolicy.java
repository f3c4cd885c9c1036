package cn.huiyin.routing.domain;

/**
 * Places an appeal by its category. It never guesses: whatever the catalogue cannot place goes to the
 * dispatcher's queue.
 */
public final class DispatchPolicy {

    private DispatchPolicy() {
    }

    public static DispatchDecision decide(Catalogue catalogue, String category, String enterpriseStreet) {
        if (category == null || category.isBlank()) {
            return new DispatchDecision.ToDispatcher("no category given");
        }
        DispatchRule rule = catalogue.rules().get(category);
        if (rule == null) {
            return new DispatchDecision.ToDispatcher("category " + category + " is not in the catalogue");
        }
        return switch (rule.unitRule()) {
            case DispatchRule.BY_DISPATCHER -> new DispatchDecision.ToDispatcher("category " + category + " is placed by a dispatcher");
            case DispatchRule.BY_STREET -> enterpriseStreet == null
                    ? new DispatchDecision.ToDispatcher("local matter, but the enterprise's street is not known")
                    : new DispatchDecision.ToUnit(enterpriseStreet, "local matter of street " + enterpriseStreet);
            default -> new DispatchDecision.ToUnit(rule.unitRule(), "catalogue: " + category + " → " + rule.unitRule());
        };
    }
}
