package cn.huiyin.workqueue.web;

import java.util.Map;
import java.util.Optional;

import cn.huiyin.workqueue.web.DispatchDeskResource.Decision;

/**
 * An extension decision as posted from the dispatcher's desk or a unit leader's work queue: the path says approve or
 * refuse (anything else is no such page), and the note is optional, checked by the API's rule in the page's words.
 */
final class ExtensionDecisionForm {

    /** The words for the decision's fields. */
    static final Map<String, String> WORDS = Map.of("note", "审批意见须为{min}至{max}字");

    private ExtensionDecisionForm() {
    }

    /** True to approve, false to refuse; empty for any other word in the path. */
    static Optional<Boolean> approves(String decision) {
        return "approve".equals(decision) ? Optional.of(true) : "refuse".equals(decision) ? Optional.of(false) : Optional.empty();
    }

    /** The note as the desk takes it (null when none), once {@code checks} has checked it. */
    static String note(FormChecks checks, boolean approve, String note) {
        Decision decision = checks.check(new Decision(approve, note), WORDS);
        return Checked.optional(decision.note());
    }
}
