package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import cn.huiyin.workqueue.domain.HandOverTargets;
import cn.huiyin.workqueue.domain.HandOverTargets.Refused;

/** What the staff pages say, in Chinese, after a step and when a service refuses one in English. */
class PageMessagesTest {

    private static Problem conflict(String detail) {
        return ProblemException.conflict(detail).problem();
    }

    private static Problem badRequest(String field, String detail) {
        return ProblemException.badRequest(field, detail).problem();
    }

    @ParameterizedTest(name = "ok={0}")
    @CsvSource({ "claim, 已认领，请尽快签收", "accept, 已签收", "reply, 已答复企业", "return, 已退单，等待派单员处理",
            "redispatch, 已同意退回并改派", "refuse-return, 已不同意退回，诉求退回原单位办理", "approve, 已批准延期", "refuse, 已不批准延期" })
    void a_step_that_went_through_is_confirmed_after_the_redirect(String code, String notice) {
        assertThat(PageMessages.done(code)).isEqualTo(notice);
    }

    @Test
    void no_notice_without_a_known_code() {
        assertThat(PageMessages.done(null)).isNull();
        assertThat(PageMessages.done("<script>")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "another commissioner holds this appeal|该诉求已由其他承办人认领或签收",
            "another commissioner has signed for this appeal|该诉求已由其他承办人认领或签收",
            "only an appeal that nobody has signed for can be claimed|只有尚未签收的诉求可以认领",
            "the return window has closed: the unit must handle the appeal or transfer it|退单时限已过：请本单位办理或转办",
            "an extension request for this appeal is already waiting|该诉求已有待审批的延期申请",
            "no HANDLE clock is running|该时限未在计时，不能申请延期",
            "the request has already been decided|该延期申请已处理",
            "the appeal is CLOSED: nothing more can be done to it|诉求已归档或已并单，不能再操作",
            "cannot ACCEPT an appeal that is ACCEPTED|诉求当前为“签收”状态，不能执行此操作",
            "cannot REPLY an appeal that is REPLIED|诉求当前为“答复”状态，不能执行此操作",
            "cannot RETURN an appeal that is HANDLING|诉求当前为“办理”状态，不能执行此操作",
            "something nobody foresaw|当前不能执行此操作，请刷新后重试" })
    void a_step_not_possible_now_is_explained_in_chinese(String detail, String words) {
        assertThat(PageMessages.of(conflict(detail))).isEqualTo(words);
    }

    @Test
    void the_dispatch_desks_refusals_are_worded_for_the_field_they_concern() {
        Catalogue catalogue = new Catalogue(Map.of("TAX_POLICY", new DispatchRule("TAX_POLICY", "税收政策", "TAX", null),
                "OTHER", new DispatchRule("OTHER", "其他", DispatchRule.BY_DISPATCHER, null)), Map.of("TAX", "区税务局"));

        assertThat(words(HandOverTargets.dispatch(catalogue, "TAX_POLICY", "SAMR", null)))
                .isEqualTo("该分类由派单目录指定承办单位，请不要另选单位");
        assertThat(words(HandOverTargets.dispatch(catalogue, "OTHER", null, null)))
                .isEqualTo("该分类需由派单员指定承办单位（属地事务请选择街道）");
        assertThat(words(HandOverTargets.dispatch(catalogue, "NOPE", null, null))).isEqualTo("请选择派单目录中的诉求分类");
        assertThat(words(HandOverTargets.transfer(catalogue, "NOPE"))).isEqualTo("请选择有效的承办单位");
        assertThat(words(HandOverTargets.redispatch(catalogue, "NOPE"))).isEqualTo("请选择有效的承办单位");
    }

    private static String words(HandOverTargets.Target refused) {
        Refused refusal = (Refused) refused;
        return PageMessages.of(badRequest(refusal.field(), refusal.detail()));
    }

    @Test
    void a_transfer_or_redispatch_to_the_unit_that_has_it_says_so() {
        assertThat(PageMessages.of(badRequest("toUnit", "The appeal is already with TAX"))).isEqualTo("诉求已在该单位，请选择其他单位");
        assertThat(PageMessages.of(badRequest("toUnit",
                "The unit that returned it cannot get it back by re-dispatch; refuse the return instead")))
                .isEqualTo("改派不能派回退单的单位；如需退回原单位，请选择“不同意退回”");
    }

    @Test
    void a_bad_parent_or_tracking_number_and_anything_else_are_worded_too() {
        assertThat(PageMessages.of(badRequest("parent", "The parent is merged itself"))).isEqualTo("主诉求须为另一件尚未办结、未被并单的诉求");
        assertThat(PageMessages.of(badRequest("trackingNo", "A tracking number has 13 digits and a valid check digit")))
                .isEqualTo("诉求编号格式不正确");
        assertThat(PageMessages.of(badRequest("note", "note is 1 to 500 characters"))).isEqualTo("输入有误，请检查后重试");
        assertThat(PageMessages.of(Problem.of(422, "invalid-input", "Invalid input", null))).isEqualTo("输入有误，请检查后重试");
    }
}
