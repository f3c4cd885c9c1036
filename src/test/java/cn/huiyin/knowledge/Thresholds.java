package cn.huiyin.knowledge;

import cn.huiyin.knowledge.domain.RetrievalSettings;

/**
 * The decision of {@link cn.huiyin.knowledge.domain.KnowledgeIndex#search}, applied to raw outcomes: the plain
 * thresholds, and (when {@code actionSignal}) the bar that a text asking someone to act must clear as well.
 */
record Thresholds(double display, double floor, double margin, boolean actionSignal, double actionFloor,
        double actionMargin) {

    static Thresholds of(RetrievalSettings s) {
        return new Thresholds(s.displayFloor(), s.answerFloor(), s.answerMargin(), s.actionSignal(), s.actionFloor(),
                s.actionMargin());
    }

    boolean answers(Outcome o) {
        return answers(o.first(), o.second(), o.asksToAct());
    }

    boolean answers(double first, double second, boolean asksToAct) {
        return applyTo(RetrievalSettings.MEASURED).sure(first, second, asksToAct);
    }

    /** Whether texts that ask someone to act are never answered. */
    boolean withholdsActionRequests() {
        return actionSignal && actionFloor == RetrievalSettings.NEVER;
    }

    RetrievalSettings applyTo(RetrievalSettings s) {
        return s.withThresholds(display, floor, margin).withActionSignal(actionSignal)
                .withActionBar(actionFloor, actionMargin);
    }

    @Override
    public String toString() {
        String plain = String.format("display ≥ %.2f, answer ≥ %.2f with margin ≥ %.2f", display, floor, margin);
        if (!actionSignal) {
            return plain + ", no action signal";
        }
        return plain + (withholdsActionRequests() ? ", never when asked to act"
                : String.format(", when asked to act ≥ %.2f with margin ≥ %.2f", actionFloor, actionMargin));
    }
}
