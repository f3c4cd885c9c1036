package cn.huiyin.workqueue.web;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.validation.FreeText;
import cn.huiyin.workqueue.application.DispatchDesk;
import cn.huiyin.workqueue.web.DispatchDeskResource.Placement;
import cn.huiyin.workqueue.web.DispatchDeskResource.ReturnDecision;
import io.smallrye.mutiny.Uni;

/**
 * Turns a form posted on the dispatcher's desk into the desk call it stands for, after checking its fields by the
 * rules of the API's bodies for the same steps, in the page's words. Accepting a return needs the unit it goes to
 * instead; refusing one does not.
 */
@ApplicationScoped
class DeskSteps {

    /** The fields the desk's forms post (each form some of them). */
    record DeskForm(String category, String unit, String decision, String toUnit, String reason, String parent) {
    }

    /** The desk call, deferred so that nothing runs unless the fields are fine, and the notice's code after it. */
    record Planned(Supplier<Uni<?>> step, String done) {
    }

    /**
     * The merge form's parent as typed: a tracking number's length, so that a stray paste is refused here (the API
     * leaves the whole check to the desk, which names a malformed one {@code trackingNo}).
     */
    record MergeForm(@FreeText(min = 13, max = 20) String parent) {
    }

    static final Map<String, String> PLACEMENT_WORDS = Map.of("category", "请选择诉求分类", "unit", "请选择有效的承办单位");

    static final Map<String, String> RETURN_WORDS = Map.of("toUnit", "同意退回时请选择改派单位", "reason", "处理意见须为{min}至{max}字");

    static final Map<String, String> MERGE_WORDS = Map.of("parent", "主诉求编号须为{min}至{max}字");

    @Inject
    DispatchDesk desk;

    /** The step for {@code action} on {@code trackingNo}, by whoever {@code caller} yields; null when there is no such action. */
    Planned plan(String action, String trackingNo, Uni<Caller> caller, DeskForm form, FormChecks checks) {
        switch (action) {
            case "dispatch": {
                Placement placement = checks.check(new Placement(form.category(), form.unit()), PLACEMENT_WORDS);
                return new Planned(() -> caller.chain(who -> desk.dispatch(trackingNo, who, placement.category(),
                        Checked.optional(placement.unit()))), "dispatch");
            }
            case "return-decision": {
                boolean accept = "accept".equals(form.decision());
                if (accept && Text.isAbsent(form.toUnit())) {
                    checks.reject("toUnit", RETURN_WORDS.get("toUnit")); // needed only when accepting
                }
                ReturnDecision decision = checks.check(new ReturnDecision(accept, accept ? form.toUnit() : null, form.reason()),
                        RETURN_WORDS);
                return new Planned(() -> caller.chain(who -> desk.decideReturn(trackingNo, who, accept, decision.toUnit(),
                        Checked.text(decision.reason()))), accept ? "redispatch" : "refuse-return");
            }
            case "merge": {
                MergeForm merge = checks.check(new MergeForm(form.parent()), MERGE_WORDS);
                return new Planned(() -> caller.chain(who -> desk.merge(trackingNo, who, Checked.text(merge.parent()))), "merge");
            }
            default:
                return null;
        }
    }
}
