package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.DispatchRule;
import cn.huiyin.workqueue.persistence.DispatchDeskRepository.Waiting;
import cn.huiyin.workqueue.web.DispatchDeskPage.Category;
import cn.huiyin.workqueue.web.DispatchDeskPage.Hint;
import cn.huiyin.workqueue.web.DispatchDeskPage.Line;

/** The dispatcher's desk as shown: the classifier's guesses as one-click categories, returns with the unit's name. */
class DeskViewTest {

    private static final Catalogue CATALOGUE = new Catalogue(Map.of(
            "BIZ_REG", new DispatchRule("BIZ_REG", "商事登记", "SAMR", null),
            "TAX_POLICY", new DispatchRule("TAX_POLICY", "税收政策", "TAX", null),
            "LOCAL_MATTER", new DispatchRule("LOCAL_MATTER", "属地事务", DispatchRule.BY_STREET, null),
            "OTHER", new DispatchRule("OTHER", "其他", DispatchRule.BY_DISPATCHER, null)),
            Map.of("SAMR", "区市场监督管理局", "TAX", "区税务局"));

    private static final Category BIZ_REG = new Category("BIZ_REG", "商事登记", "区市场监督管理局");
    private static final Category TAX_POLICY = new Category("TAX_POLICY", "税收政策", "区税务局");

    private static Map<String, Object> guess(Object category, Object confidence) {
        Map<String, Object> guess = new HashMap<>();
        guess.put("category", category);
        guess.put("confidence", confidence);
        return guess;
    }

    private static Waiting waiting(String status, String returnedBy, List<Map<String, Object>> suggestions) {
        return new Waiting("2612070000013", "不知道找哪个部门", status, "WEB", "HELP", false, Instant.parse("2026-12-07T01:00:00Z"),
                returnedBy, returnedBy == null ? null : "不属于本局职责", suggestions);
    }

    @Test
    void the_best_guesses_still_in_the_catalogue_are_offered_three_at_most_in_whole_percent() {
        List<Hint> hints = DeskView.hints(CATALOGUE, List.of(guess("BIZ_REG", 0.938), guess("RETIRED", 0.03),
                guess("TAX_POLICY", 0.0125), guess("OTHER", 0.005), guess("LOCAL_MATTER", 0.004)));

        assertThat(hints).containsExactly(new Hint(BIZ_REG, 94), new Hint(TAX_POLICY, 1),
                new Hint(new Category("OTHER", "其他", null), 1));
    }

    @Test
    void a_stored_guess_without_a_category_or_a_numeric_confidence_is_passed_over() {
        assertThat(DeskView.hints(CATALOGUE, List.of(guess(null, 0.9), guess("BIZ_REG", "0.9"), guess("BIZ_REG", null),
                guess("TAX_POLICY", 0.5)))).containsExactly(new Hint(TAX_POLICY, 50));
        assertThat(DeskView.hints(CATALOGUE, List.of())).isEmpty();
    }

    @Test
    void a_category_the_dispatcher_places_or_that_goes_to_the_street_shows_no_unit() {
        assertThat(DeskView.categories(CATALOGUE)).containsExactly(BIZ_REG,
                new Category("LOCAL_MATTER", "属地事务", null), new Category("OTHER", "其他", null), TAX_POLICY);
        assertThat(DeskView.units(CATALOGUE)).containsExactly(new WorkQueuePages.Unit("SAMR", "区市场监督管理局"),
                new WorkQueuePages.Unit("TAX", "区税务局"));
    }

    @Test
    void a_returned_appeal_shows_the_name_of_the_unit_that_returned_it() {
        List<Line> lines = DeskView.lines(List.of(waiting("RETURNED", "SAMR", List.of()), waiting("RETURNED", "GONE", List.of()),
                waiting("RECEIVED", null, List.of(guess("BIZ_REG", 0.6)))), CATALOGUE);

        assertThat(lines).extracting(Line::statusLabel).containsExactly("退单", "退单", "受理");
        assertThat(lines).extracting(Line::returnedByName).containsExactly("区市场监督管理局", "GONE", null);
        assertThat(lines.get(2).hints()).containsExactly(new Hint(BIZ_REG, 60));
    }
}
