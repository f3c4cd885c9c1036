package cn.huiyin.workqueue.web;

import static cn.huiyin.workqueue.web.Bodies.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.workqueue.web.DispatchDeskResource.Decision;
import cn.huiyin.workqueue.web.DispatchDeskResource.Helper;
import cn.huiyin.workqueue.web.DispatchDeskResource.Merge;
import cn.huiyin.workqueue.web.DispatchDeskResource.Placement;
import cn.huiyin.workqueue.web.DispatchDeskResource.ReturnDecision;

/** The rules of the dispatcher's bodies, which the desk page's forms share. */
class DispatchDeskBodiesTest {

    @Test
    void a_placement_names_a_category_code_and_a_unit_only_if_it_likes() {
        assertThat(rejected(new Placement("TAX_SERVICE", null))).isEmpty();
        assertThat(rejected(new Placement("OTHER", ""))).isEmpty();
        assertThat(rejected(new Placement("OTHER", "SAMR"))).isEmpty();
        assertThat(rejected(new Placement("tax_service", null)))
                .containsExactly("category is a category code of the catalogue, such as TAX_SERVICE");
        assertThat(rejected(new Placement(null, null)))
                .containsExactly("category is a category code of the catalogue, such as TAX_SERVICE");
        assertThat(rejected(new Placement("OTHER", "samr"))).containsExactly("unit is a unit code such as SAMR");
    }

    @Test
    void a_return_decision_says_which_way_and_why() {
        assertThat(rejected(new ReturnDecision(true, "ECO", "属于环保事项"))).isEmpty();
        assertThat(rejected(new ReturnDecision(false, null, "属于商事登记事项"))).isEmpty();
        assertThat(rejected(new ReturnDecision(null, null, "改派")))
                .containsExactly("accept is true (re-dispatch) or false (send it back)");
        assertThat(rejected(new ReturnDecision(true, "eco", "x"))).containsExactly("toUnit is a unit code such as SAMR",
                "reason is 2 to 500 characters, without control characters");
    }

    @Test
    void a_merge_names_its_parent_and_the_desk_checks_the_number() {
        assertThat(rejected(new Merge("2612070000013"))).isEmpty();
        assertThat(rejected(new Merge("not a number"))).as("the desk refuses it as a tracking number").isEmpty();
        assertThat(rejected(new Merge(null))).containsExactly("parent is the tracking number of the appeal this one duplicates");
    }

    @Test
    void an_extension_decision_says_yes_or_no_with_an_optional_note() {
        assertThat(rejected(new Decision(true, null))).isEmpty();
        assertThat(rejected(new Decision(false, "请按期办结"))).isEmpty();
        assertThat(rejected(new Decision(null, null))).containsExactly("approve is true or false");
        assertThat(rejected(new Decision(false, "x".repeat(501))))
                .containsExactly("note is 1 to 500 characters, without control characters");
    }

    @Test
    void a_helper_unit_is_named_by_its_code() {
        assertThat(rejected(new Helper("SAMR"))).isEmpty();
        assertThat(rejected(new Helper("samr"))).containsExactly("unit is a unit code such as SAMR");
        assertThat(rejected(new Helper(" "))).containsExactly("unit is a unit code such as SAMR");
    }
}
