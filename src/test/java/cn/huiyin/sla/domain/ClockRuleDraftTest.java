package cn.huiyin.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.shared.domain.FieldViolation;

/** What an administrator may add as a new version of a clock rule, and what is refused before anything is stored. */
class ClockRuleDraftTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final Set<String> TYPES = Set.of("CONSULT", "HELP", "COMPLAINT", "REPORT", "SUGGEST");
    private static final Set<String> CATEGORIES = Set.of("TAX_SERVICE", "POWER");

    private static ClockRuleDraft draft(String clock, String type, String category, Integer amount, String unit,
            LocalDate from) {
        return new ClockRuleDraft(clock, type, category, null, amount, unit, "区营商办〔2026〕12号：咨询类1个工作日内答复", from,
                "区政府决定缩短咨询类时限");
    }

    private static List<String> codes(ClockRuleDraft draft) {
        return draft.check(TYPES, CATEGORIES, TODAY).stream().map(FieldViolation::code).toList();
    }

    @Test
    void a_sensible_version_from_today_or_later_is_accepted() {
        assertThat(codes(draft("HANDLE", "CONSULT", null, 1, "WORKING_DAYS", TODAY))).isEmpty();
        assertThat(codes(draft("RESPOND", null, "TAX_SERVICE", 10, "NATURAL_MINUTES", TODAY.plusDays(30)))).isEmpty();
        assertThat(codes(new ClockRuleDraft("RETURN_WINDOW", null, "POWER", true, 4, "WORKING_HOURS", "退单时限", TODAY,
                "停电退单提速"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "0,       WORKING_DAYS,    amount.range",
            "-3,      WORKING_DAYS,    amount.range",
            "-,       WORKING_DAYS,    amount.range",
            "251,     WORKING_DAYS,    amount.range",
            "250,     WORKING_DAYS,    -",
            "2001,    WORKING_HOURS,   amount.range",
            "366,     NATURAL_DAYS,    amount.range",
            "525600,  NATURAL_MINUTES, -",
            "1,       WORKING_WEEKS,   unit.unknown",
            "0,       working_days,    amount.range"})
    void the_amount_is_at_least_one_and_at_most_a_year_in_its_unit(Integer amount, String unit, String refused) {
        List<String> codes = codes(draft("HANDLE", null, null, amount, unit, TODAY));
        if (refused == null) {
            assertThat(codes).isEmpty();
        } else {
            assertThat(codes).contains(refused);
        }
    }

    @Test
    void an_unknown_unit_and_a_bad_amount_are_both_named() {
        assertThat(codes(draft("HANDLE", null, null, 0, "DAYS", TODAY))).containsExactly("amount.range", "unit.unknown");
    }

    @Test
    void history_is_not_rewritten_a_version_starts_today_at_the_earliest() {
        assertThat(codes(draft("HANDLE", null, null, 2, "WORKING_DAYS", TODAY.minusDays(1))))
                .containsExactly("effectiveFrom.past");
        assertThat(codes(draft("HANDLE", null, null, 2, "WORKING_DAYS", null))).containsExactly("effectiveFrom.required");
        assertThat(codes(draft("HANDLE", null, null, 2, "WORKING_DAYS", LocalDate.parse("2101-01-01"))))
                .containsExactly("effectiveFrom.range");
    }

    @Test
    void a_rule_that_could_never_match_is_refused() {
        assertThat(codes(draft("HANDLE", "GOSSIP", null, 2, "WORKING_DAYS", TODAY))).containsExactly("appealType.unknown");
        assertThat(codes(draft("HANDLE", null, "NOT_IN_CATALOGUE", 2, "WORKING_DAYS", TODAY)))
                .containsExactly("category.unknown");
    }

    @Test
    void the_rating_window_and_unknown_clocks_cannot_be_configured() {
        List<FieldViolation> evaluate = draft("EVALUATE", null, null, 10, "NATURAL_DAYS", TODAY).check(TYPES, CATEGORIES, TODAY);
        assertThat(evaluate).extracting(FieldViolation::code).containsExactly("clock.fixed");
        assertThat(evaluate.get(0).message()).contains("RESPOND, HANDLE, RETURN_WINDOW, FEEDBACK, REWORK");
        assertThat(codes(draft("LUNCH", null, null, 1, "WORKING_HOURS", TODAY))).containsExactly("clock.unknown");
        assertThat(codes(draft(null, null, null, 1, "WORKING_HOURS", TODAY))).containsExactly("clock.unknown");
        assertThat(ClockKind.EVALUATE.configurable()).isFalse();
        assertThat(ClockKind.RESPOND.configurable()).isTrue();
    }

    @Test
    void every_mistake_is_named_in_the_order_of_the_fields() {
        ClockRuleDraft hopeless = new ClockRuleDraft("EVALUATE", "GOSSIP", "NOWHERE", null, 0, "FORTNIGHTS", " ",
                TODAY.minusYears(1), "");
        assertThat(hopeless.check(TYPES, CATEGORIES, TODAY)).extracting(FieldViolation::field).containsExactly("clock",
                "appealType", "category", "amount", "unit", "legalSource", "effectiveFrom", "reason");
    }

    @Test
    void a_checked_draft_reads_as_its_clock_and_unit() {
        ClockRuleDraft ok = draft("FEEDBACK", null, null, 3, "WORKING_DAYS", TODAY);
        assertThat(ok.kind()).isEqualTo(ClockKind.FEEDBACK);
        assertThat(ok.clockUnit()).isEqualTo(ClockUnit.WORKING_DAYS);
    }
}
