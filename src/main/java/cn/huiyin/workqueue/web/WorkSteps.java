package cn.huiyin.workqueue.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.HandOffService;
import cn.huiyin.workqueue.application.WorkQueueService;
import cn.huiyin.workqueue.web.AppealActionsResource.Answer;
import cn.huiyin.workqueue.web.AppealActionsResource.ExtensionAsk;
import cn.huiyin.workqueue.web.AppealActionsResource.FirstContact;
import cn.huiyin.workqueue.web.AppealActionsResource.Note;
import cn.huiyin.workqueue.web.AppealActionsResource.Reason;
import cn.huiyin.workqueue.web.AppealActionsResource.Transfer;
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
     * the caller subscribes — or null when there is no such action. The fields' rules are those of the API's
     * bodies for the same steps; the words are the page's.
     */
    Uni<Done> perform(String action, String trackingNo, Caller who, Typed form, String clock, FormChecks checks) {
        switch (action) {
            case "claim":
                return stays(() -> work.claim(trackingNo, who));
            case "accept":
                return stays(() -> work.accept(trackingNo, who));
            case "first-contact": {
                FirstContact contact = checks.check(new FirstContact(form.note()), Map.of("note", "联系情况须为{min}至{max}字"));
                return stays(() -> work.firstContact(trackingNo, who, Checked.optional(contact.note())));
            }
            case "note": {
                Note note = checks.check(new Note(form.note(), form.visibleToEnterprise()),
                        Map.of("note", "办理进展须为{min}至{max}字"));
                return stays(() -> work.note(trackingNo, who, Checked.text(note.note()), form.visibleToEnterprise()));
            }
            case "reply": {
                Answer answer = checks.check(new Answer(form.answer()), Map.of("answer", "答复内容须为{min}至{max}字"));
                return stays(() -> work.reply(trackingNo, who, Checked.text(answer.answer())));
            }
            case "transfer": {
                Transfer transfer = checks.check(new Transfer(form.toUnit(), form.reason()),
                        Map.of("toUnit", "请选择转办单位", "reason", "转办理由须为{min}至{max}字"));
                return leaves(() -> handOff.transfer(trackingNo, who, transfer.toUnit(), Checked.text(transfer.reason())));
            }
            case "return": {
                Reason reason = checks.check(new Reason(form.reason()), Map.of("reason", "退单理由须为{min}至{max}字"));
                return leaves(() -> handOff.giveBack(trackingNo, who, Checked.text(reason.reason())));
            }
            case "extension": {
                ExtensionAsk ask = checks.check(new ExtensionAsk("REWORK".equals(clock) ? "REWORK" : "HANDLE",
                        days(form.workingDays()), form.reason()),
                        Map.of("workingDays", "延期天数须为1至10个工作日", "reason", "延期理由须为{min}至{max}字"));
                return stays(() -> handOff.requestExtension(trackingNo, who, ClockKind.valueOf(ask.clock()), ask.workingDays(),
                        Checked.text(ask.reason())));
            }
            default:
                return null;
        }
    }

    /** The days as typed, or null when they are not a whole number (which the form's rule then refuses). */
    private static Integer days(String typed) {
        try {
            return typed == null ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
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
