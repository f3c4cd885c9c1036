package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "材料被退回三次了，每次理由都不一样，请帮忙协调。",
            "留抵退税申请提交两个月了，请督促税务部门尽快办理",
            "窗口说不符合条件，请市场监管局核查窗口的做法",
            "补报后还是没移出，请帮忙查一下原因",
            "员工社保开户一直失败，恳请协调",
            "員工社保開戶一直失敗，請協調",
            "开办企业申请一周了还没拿到营业执照，帮忙催一下",
            "我们一直在这里办公，要求核实后移出",
            "燃气报装交了费一个多月，希望督促燃气公司"})
    void a_plea_or_an_urging_asks_someone_to_act(String text) {
        assertThat(ActionRequest.in(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "请问数电发票开错了能作废吗",
            "留抵退税怎么申请",
            "麻烦请教一下，简易注销要公示多少天",
            "员工请病假期间在公司受伤了，工伤认定怎么申请",
            "公司小请不起法务，合同纠纷哪里有免费的法律咨询",
            "邀请外地的技术骨干来公司工作，人才入户需要什么条件"})
    void qing_inside_another_word_is_no_plea(String text) {
        assertThat(ActionRequest.in(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "请告知变更经营范围需要准备哪些材料",
            "请予解答：增值税留抵退税要满足什么条件",
            "请帮忙看看，新公司领了营业执照以后税务上要办哪些事",
            "请介绍一下高新技术企业认定要满足哪些条件"})
    void a_plea_to_be_told_something_is_a_question(String text) {
        assertThat(ActionRequest.in(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "公司一直没报年报，被列入经营异常名录了，怎么移出",
            "扶持资金迟迟没到账，该找哪个部门问",
            "留抵退税申请被退回了，是不是纳税信用等级不够",
            "评标结果不公平，去哪里投诉",
            "发现有公司非法集资，去哪里举报",
            ""})
    void how_long_or_how_often_something_failed_is_no_request_by_itself(String text) {
        // these words stand in questions as often as in complaints: measured as cues, they cost more than they saved
        assertThat(ActionRequest.in(text)).isFalse();
    }
}
