package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.workqueue.application.AppealSteps.Moved;
import cn.huiyin.workqueue.application.DispatchDesk;
import cn.huiyin.workqueue.web.DeskSteps.DeskForm;
import cn.huiyin.workqueue.web.DeskSteps.Planned;
import io.smallrye.mutiny.Uni;

/** A form posted on the dispatcher's desk becomes the desk's step, once its fields keep the API's rules. */
class DeskStepsTest {

    private static final String NO = "2612070000021";
    private static final String PARENT = "2612070000013";
    private static final Caller HUANG = new Caller("huang", "dispatcher", "DRC", null);

    /** The calls the desk received. */
    private final List<String> calls = new ArrayList<>();

    private final DeskSteps steps = new DeskSteps();

    DeskStepsTest() {
        steps.desk = new DispatchDesk() {
            @Override
            public Uni<Moved> dispatch(String trackingNo, Caller caller, String category, String unit) {
                return called("dispatch " + category + " " + unit + " by " + caller.username());
            }

            @Override
            public Uni<Moved> decideReturn(String trackingNo, Caller caller, boolean accept, String toUnit, String reason) {
                return called((accept ? "redispatch " : "refuse ") + toUnit + " " + reason);
            }

            @Override
            public Uni<Moved> merge(String childNo, Caller caller, String parentNo) {
                return called("merge " + childNo + " into " + parentNo);
            }
        };
    }

    private Uni<Moved> called(String call) {
        calls.add(call);
        return Uni.createFrom().item(new Moved(NO, "DISPATCHED", "派单"));
    }

    private static DeskForm form(String category, String unit, String decision, String toUnit, String reason, String parent) {
        return new DeskForm(category, unit, decision, toUnit, reason, parent);
    }

    private Planned plan(String action, DeskForm form, FormChecks checks) {
        return steps.plan(action, NO, Uni.createFrom().item(HUANG), form, checks);
    }

    /** Runs what was planned, as the page does once the fields are fine; answers the notice's code. */
    private String run(String action, DeskForm form) {
        FormChecks checks = Forms.checks();
        int before = calls.size();
        Planned planned = plan(action, form, checks);
        assertThat(checks.ok()).isTrue();
        assertThat(calls).as("nothing runs before the page subscribes").hasSize(before);
        planned.step().get().await().indefinitely();
        return planned.done();
    }

    @Test
    void a_placement_names_the_category_and_only_where_needed_the_unit() {
        assertThat(run("dispatch", form("BIZ_REG", "", null, null, null, null))).isEqualTo("dispatch");
        assertThat(run("dispatch", form("OTHER", "ECO", null, null, null, null))).isEqualTo("dispatch");
        assertThat(calls).containsExactly("dispatch BIZ_REG null by huang", "dispatch OTHER ECO by huang");
    }

    @Test
    void a_placement_without_a_category_or_with_a_malformed_unit_is_refused_in_the_pages_words() {
        FormChecks checks = Forms.checks();
        plan("dispatch", form("", "samr", null, null, null, null), checks);
        assertThat(checks.errors()).containsExactly(Map.entry("category", "请选择诉求分类"), Map.entry("unit", "请选择有效的承办单位"));
        assertThat(calls).isEmpty();
    }

    @Test
    void accepting_a_return_redispatches_to_the_unit_named_and_refusing_sends_it_back_without_one() {
        assertThat(run("return-decision", form(null, null, "accept", "ECO", " 属于环保事项 ", null))).isEqualTo("redispatch");
        assertThat(run("return-decision", form(null, null, "refuse", "ECO", "属于商事登记事项", null))).isEqualTo("refuse-return");
        assertThat(calls).containsExactly("redispatch ECO 属于环保事项", "refuse null 属于商事登记事项");
    }

    @Test
    void accepting_a_return_without_naming_the_unit_is_refused_and_so_is_a_reason_too_short() {
        FormChecks checks = Forms.checks();
        plan("return-decision", form(null, null, "accept", " ", "x", null), checks);
        assertThat(checks.errors()).containsExactly(Map.entry("toUnit", "同意退回时请选择改派单位"),
                Map.entry("reason", "处理意见须为2至500字"));

        FormChecks refusing = Forms.checks();
        plan("return-decision", form(null, null, "refuse", "", "x", null), refusing);
        assertThat(refusing.errors()).containsOnlyKeys("reason");
    }

    @Test
    void a_merge_names_the_parent_by_a_tracking_numbers_length() {
        assertThat(run("merge", form(null, null, null, null, null, " " + PARENT + " "))).isEqualTo("merge");
        assertThat(calls).containsExactly("merge " + NO + " into " + PARENT);

        FormChecks pasted = Forms.checks();
        plan("merge", form(null, null, null, null, null, "x".repeat(10_000)), pasted);
        assertThat(pasted.errors()).containsExactly(Map.entry("parent", "主诉求编号须为13至20字"));
        FormChecks empty = Forms.checks();
        plan("merge", form(null, null, null, null, null, ""), empty);
        assertThat(empty.errors()).containsOnlyKeys("parent");
    }

    @Test
    void an_action_the_desk_does_not_have_is_none() {
        assertThat(plan("delete", form(null, null, null, null, null, null), Forms.checks())).isNull();
    }
}
