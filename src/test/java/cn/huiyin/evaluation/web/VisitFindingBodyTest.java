package cn.huiyin.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.evaluation.domain.VisitFinding;
import cn.huiyin.evaluation.web.ReturnVisitResource.Finding;
import cn.huiyin.shared.web.ProblemException;

/** A return visit's finding as the JSON API takes it: the first field at fault is named, 422. */
class VisitFindingBodyTest {

    private static void refusedNaming(Finding body, String field) {
        assertThatThrownBy(body::toFinding).isInstanceOfSatisfying(ProblemException.class, refused -> {
            assertThat(refused.problem().status()).isEqualTo(422);
            assertThat(refused.problem().field()).isEqualTo(field);
        });
    }

    @Test
    void a_visit_that_reached_the_enterprise_says_whether_it_is_resolved_and_perhaps_how_satisfied() {
        assertThat(new Finding(true, false, 2, " 仍未退税 ").toFinding())
                .isEqualTo(new VisitFinding(true, false, Satisfaction.DISSATISFIED, "仍未退税"));
        assertThat(new Finding(true, true, null, null).toFinding()).isEqualTo(new VisitFinding(true, true, null, null));
    }

    @Test
    void a_visit_that_reached_nobody_records_no_finding_only_a_note() {
        assertThat(new Finding(false, null, null, "无人接听").toFinding()).isEqualTo(new VisitFinding(false, null, null, "无人接听"));
        refusedNaming(new Finding(false, true, null, null), "resolved");
        refusedNaming(new Finding(false, null, 4, null), "resolved");
    }

    @Test
    void every_refusal_names_its_field() {
        refusedNaming(new Finding(null, true, 4, null), "reached");
        refusedNaming(new Finding(true, null, 4, null), "resolved");
        refusedNaming(new Finding(true, true, 0, null), "level");
        refusedNaming(new Finding(true, true, 6, null), "level");
        refusedNaming(new Finding(true, true, 5, "记".repeat(501)), "note");
        refusedNaming(new Finding(true, true, 5, "记录\u0007"), "note");
    }
}
