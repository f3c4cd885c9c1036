package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.sla.domain.ClockKind;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.HandOffService;
import cn.huiyin.workqueue.application.WorkQueueService;
import cn.huiyin.workqueue.web.WorkQueuePages.Typed;
import io.smallrye.mutiny.Uni;

/** A commissioner's posted form becomes the step it stands for, once its fields keep the API's rules. */
class WorkStepsTest {

    private static final String NO = "2612070000013";
    private static final Caller ZHOU = new Caller("zhou", "commissioner", "TAX", null);
    private static final String ANSWER = "经核实，贵司授信额度已按规定调增，请重新登录电子税务局开票。";

    /** The calls the services received, in the words of their parameters. */
    private final List<String> calls = new ArrayList<>();

    private final WorkSteps steps = new WorkSteps();

    WorkStepsTest() {
        steps.work = new WorkQueueService() {
            @Override
            public Uni<Moved> claim(String trackingNo, Caller caller) {
                return called("claim " + trackingNo + " by " + caller.username());
            }

            @Override
            public Uni<Moved> accept(String trackingNo, Caller caller) {
                return called("accept " + trackingNo);
            }

            @Override
            public Uni<Moved> firstContact(String trackingNo, Caller caller, String note) {
                return called("first-contact " + note);
            }

            @Override
            public Uni<Moved> note(String trackingNo, Caller caller, String note, boolean visibleToEnterprise) {
                return called("note " + note + (visibleToEnterprise ? " public" : " internal"));
            }

            @Override
            public Uni<Moved> reply(String trackingNo, Caller caller, String answer) {
                return called("reply " + answer);
            }
        };
        steps.handOff = new HandOffService() {
            @Override
            public Uni<Moved> transfer(String trackingNo, Caller caller, String toUnit, String reason) {
                return called("transfer " + toUnit + " " + reason);
            }

            @Override
            public Uni<Moved> giveBack(String trackingNo, Caller caller, String reason) {
                return called("return " + reason);
            }

            @Override
            public Uni<Moved> requestExtension(String trackingNo, Caller caller, ClockKind clock, int workingDays,
                    String reason) {
                return called("extension " + clock + " " + workingDays + " " + reason);
            }
        };
    }

    private Uni<Moved> called(String call) {
        calls.add(call);
        return Uni.createFrom().item(new Moved(NO, "ACCEPTED", "签收"));
    }

    private static Typed typed(String note, boolean visible, String answer, String toUnit, String reason, String days) {
        return new Typed(note, visible, answer, toUnit, reason, days);
    }

    private static Typed note(String note) {
        return typed(note, false, "", "", "", "3");
    }

    private WorkSteps.Done run(String action, Typed form, String clock, FormChecks checks) {
        int before = calls.size();
        Uni<WorkSteps.Done> step = steps.perform(action, NO, ZHOU, form, clock, checks);
        assertThat(calls).as("nothing runs before the page subscribes").hasSize(before);
        return step.await().indefinitely();
    }

    @Test
    void claiming_and_signing_for_keep_the_appeal_in_the_unit() {
        assertThat(run("claim", Typed.EMPTY, null, Forms.checks())).isEqualTo(new WorkSteps.Done(NO, false));
        assertThat(run("accept", Typed.EMPTY, null, Forms.checks()).leftTheUnit()).isFalse();
        assertThat(calls).containsExactly("claim " + NO + " by zhou", "accept " + NO);
    }

    @Test
    void a_transfer_and_a_return_leave_the_unit_so_the_page_goes_back_to_the_queue() {
        assertThat(run("transfer", typed("", false, "", "SAMR", " 属于市场监管事项 ", "3"), null, Forms.checks()).leftTheUnit()).isTrue();
        assertThat(run("return", typed("", false, "", "", "不属于本单位职责", "3"), null, Forms.checks()).leftTheUnit()).isTrue();
        assertThat(calls).containsExactly("transfer SAMR 属于市场监管事项", "return 不属于本单位职责");
    }

    @Test
    void what_the_services_receive_is_trimmed_and_an_empty_first_contact_note_is_no_note() {
        run("reply", typed("", false, "  " + ANSWER + "\u3000", "", "", "3"), null, Forms.checks());
        run("note", typed("已向企业说明进度", true, "", "", "", "3"), null, Forms.checks());
        run("first-contact", note("   "), null, Forms.checks());
        assertThat(calls).containsExactly("reply " + ANSWER, "note 已向企业说明进度 public", "first-contact null");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "reply|answer|答复内容须为10至2000字",
            "note|note|办理进展须为1至1000字",
            "transfer|toUnit|请选择转办单位",
            "return|reason|退单理由须为2至500字" })
    void a_form_that_breaks_a_rule_is_refused_in_the_pages_words_and_nothing_runs(String action, String field, String words) {
        FormChecks checks = Forms.checks();
        assertThat(steps.perform(action, NO, ZHOU, typed("", false, "好的", "samr", "x", "3"), null, checks)).isNotNull();
        assertThat(checks.errors()).containsEntry(field, words);
        assertThat(calls).isEmpty();
    }

    @Test
    void an_over_long_first_contact_note_is_refused() {
        FormChecks checks = Forms.checks();
        steps.perform("first-contact", NO, ZHOU, note("联系".repeat(251)), null, checks);
        assertThat(checks.errors()).containsExactly(Map.entry("note", "联系情况须为1至500字"));
    }

    @Test
    void an_extension_is_asked_for_the_rework_clock_only_when_the_form_names_it_and_otherwise_for_handling() {
        run("extension", typed("", false, "", "", "需要现场核查", " 3 "), "REWORK", Forms.checks());
        run("extension", typed("", false, "", "", "需要现场核查", "10"), "RETURN_WINDOW", Forms.checks());
        run("extension", typed("", false, "", "", "需要现场核查", "1"), null, Forms.checks());
        assertThat(calls).containsExactly("extension REWORK 3 需要现场核查", "extension HANDLE 10 需要现场核查",
                "extension HANDLE 1 需要现场核查");
    }

    @ParameterizedTest(name = "\"{0}\" working days")
    @CsvSource(nullValues = "NULL", value = { "0", "11", "30", "99999999999", "三", "2.5", "''", "NULL" })
    void extension_days_are_a_whole_number_from_one_to_ten(String days) {
        FormChecks checks = Forms.checks();
        steps.perform("extension", NO, ZHOU, typed("", false, "", "", "需要现场核查", days), "HANDLE", checks);
        assertThat(checks.errors()).containsExactly(Map.entry("workingDays", "延期天数须为1至10个工作日"));
    }

    @Test
    void an_action_the_page_does_not_have_is_none() {
        FormChecks checks = Forms.checks();
        assertThat(steps.perform("delete", NO, ZHOU, Typed.EMPTY, null, checks)).isNull();
        assertThat(checks.ok()).isTrue();
    }
}
