package cn.huiyin.workqueue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.HandOffService;
import cn.huiyin.workqueue.application.WorkQueueService;
import cn.huiyin.workqueue.web.WorkQueuePages.Typed;
import io.smallrye.mutiny.Uni;

/** Turns a posted work-queue form into the service call it stands for, after checking its fields. */
@ApplicationScoped
class WorkSteps {

    /** A step that went through; after a transfer or return the appeal is no longer the unit's to see. */
    record Done(String trackingNo, boolean leftTheUnit) {
    }

    @Inject
    WorkQueueService work;

    @Inject
    HandOffService handOff;

    /**
     * The step for {@code action} — deferred, so nothing runs unless {@code checks} found the fields fine and
     * the caller subscribes — or null when there is no such action.
     */
    Uni<Done> perform(String action, String trackingNo, Caller who, Typed form, String clock, FormChecks checks) {
        switch (action) {
            case "claim":
                return stays(() -> work.claim(trackingNo, who));
            case "accept":
                return stays(() -> work.accept(trackingNo, who));
            case "first-contact": {
                String note = checks.optionalText("note", form.note(), 500, "联系情况");
                return stays(() -> work.firstContact(trackingNo, who, note));
            }
            case "note": {
                String note = checks.text("note", form.note(), 1, 1000, "办理进展");
                return stays(() -> work.note(trackingNo, who, note, form.visibleToEnterprise()));
            }
            case "reply": {
                String answer = checks.text("answer", form.answer(), 10, 2000, "答复内容");
                return stays(() -> work.reply(trackingNo, who, answer));
            }
            case "transfer": {
                String toUnit = checks.code("toUnit", form.toUnit(), "请选择转办单位");
                String reason = checks.text("reason", form.reason(), 2, 500, "转办理由");
                return leaves(() -> handOff.transfer(trackingNo, who, toUnit, reason));
            }
            case "return": {
                String reason = checks.text("reason", form.reason(), 2, 500, "退单理由");
                return leaves(() -> handOff.giveBack(trackingNo, who, reason));
            }
            case "extension": {
                ClockKind kind = "REWORK".equals(clock) ? ClockKind.REWORK : ClockKind.HANDLE;
                int days = checks.number("workingDays", form.workingDays(), 1, 10, "延期天数须为1至10个工作日");
                String reason = checks.text("reason", form.reason(), 2, 500, "延期理由");
                return stays(() -> handOff.requestExtension(trackingNo, who, kind, days, reason));
            }
            default:
                return null;
        }
    }

    private static Uni<Done> stays(java.util.function.Supplier<Uni<? extends Moved>> step) {
        return Uni.createFrom().deferred(step).map(moved -> new Done(moved.trackingNo(), false));
    }

    private static Uni<Done> leaves(java.util.function.Supplier<Uni<? extends Moved>> step) {
        return Uni.createFrom().deferred(step).map(moved -> new Done(moved.trackingNo(), true));
    }
}
