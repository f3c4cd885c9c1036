package cn.huiyin.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.evaluation.domain.VisitFinding;
import cn.huiyin.evaluation.web.VisitForm.Read;

/** The return-visit form as the district centre's staff fill it in. */
class VisitFormTest {

    @Test
    void a_visit_that_reached_the_enterprise_records_whether_it_is_resolved_and_how_satisfied_it_is() {
        Read read = VisitForm.read("yes", "no", " 2 ", "  企业表示仍未退税  ");
        assertThat(read.errors()).isEmpty();
        assertThat(read.finding()).isEqualTo(new VisitFinding(true, false, Satisfaction.DISSATISFIED, "企业表示仍未退税"));
    }

    @Test
    void the_level_heard_is_optional() {
        assertThat(VisitForm.read("yes", "yes", "", null).finding()).isEqualTo(new VisitFinding(true, true, null, null));
    }

    @Test
    void a_visit_that_reached_nobody_records_only_a_note() {
        assertThat(VisitForm.read("no", null, null, "无人接听").finding()).isEqualTo(new VisitFinding(false, null, null, "无人接听"));
        assertThat(VisitForm.read("no", "", " ", "").finding()).isEqualTo(new VisitFinding(false, null, null, null));
    }

    @Test
    void whether_the_enterprise_was_reached_must_be_chosen() {
        Read read = VisitForm.read(null, null, null, null);
        assertThat(read.finding()).isNull();
        assertThat(read.errors()).containsExactly(Map.entry("reached", "请选择是否联系上企业"));
    }

    @Test
    void reaching_the_enterprise_means_saying_whether_it_is_resolved() {
        assertThat(VisitForm.read("yes", null, "4", null).errors())
                .containsExactly(Map.entry("resolved", "联系上企业时，请选择企业是否认为问题已解决"));
    }

    @Test
    void nobody_reached_heard_nothing() {
        assertThat(VisitForm.read("no", "yes", null, null).errors())
                .containsExactly(Map.entry("reached", "未联系上企业时，不填写是否解决和满意度"));
        assertThat(VisitForm.read("no", null, "5", null).errors())
                .containsExactly(Map.entry("reached", "未联系上企业时，不填写是否解决和满意度"));
    }

    @Test
    void every_field_at_fault_is_named_at_once() {
        Read read = VisitForm.read("maybe", "perhaps", "6", "记录\u0007");
        assertThat(read.finding()).isNull();
        assertThat(read.errors()).containsExactly(Map.entry("reached", "请选择是否联系上企业"),
                Map.entry("resolved", "请选择企业是否认为问题已解决"), Map.entry("level", "满意度须为1（非常不满意）至5（非常满意）"),
                Map.entry("note", "回访记录须为500字以内，且不含控制字符"));
    }

    @Test
    void a_note_over_five_hundred_characters_is_refused() {
        assertThat(VisitForm.read("yes", "yes", null, "记".repeat(501)).errors()).containsOnlyKeys("note");
        assertThat(VisitForm.read("yes", "yes", null, "记".repeat(500)).finding().note()).hasSize(500);
    }
}
