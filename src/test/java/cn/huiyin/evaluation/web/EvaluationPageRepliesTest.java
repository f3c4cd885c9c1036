package cn.huiyin.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiyin.evaluation.domain.RatingContests;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The return-visit and contest pages: notices after a redirect, refusals in Chinese, the free-text rule. */
class EvaluationPageRepliesTest {

    /** What the page was shown again with. */
    private final Map<String, String> shown = new HashMap<>();

    private Uni<TemplateInstance> again(Map<String, String> errors) {
        shown.putAll(errors);
        return Uni.createFrom().nullItem();
    }

    private int refused(Throwable failure) {
        return EvaluationPageReplies.refused(failure, this::again).await().indefinitely().getStatus();
    }

    private static ProblemException conflict(RatingContests.Refusal refusal) {
        return new ProblemException(Problem.of(409, refusal.slug(), "Not possible now", refusal.detail()));
    }

    @ParameterizedTest(name = "ok={0}")
    @CsvSource({ "visit, 已记录回访", "visit-overturned, 已记录回访：回访结果与企业评价不符，评价已被推翻", "contest, 已提交申诉，等待区里复核",
            "upheld, 已复核：申诉成立，该评价不再计入满意度", "rejected, 已复核：申诉不成立，评价维持不变" })
    void a_step_that_went_through_is_confirmed_after_the_redirect(String code, String notice) {
        assertThat(EvaluationPageReplies.done(code)).isEqualTo(notice);
    }

    @Test
    void no_notice_without_a_known_code_and_the_redirect_carries_the_code() {
        assertThat(EvaluationPageReplies.done(null)).isNull();
        assertThat(EvaluationPageReplies.done("approve")).isNull();
        Response redirect = EvaluationPageReplies.seeOther("/evaluation/visits", "visit-overturned");
        assertThat(redirect.getStatus()).isEqualTo(303);
        assertThat(redirect.getLocation()).hasToString("/evaluation/visits?ok=visit-overturned");
    }

    @Test
    void each_contest_refusal_is_explained_in_its_own_words_with_a_409() {
        assertThat(refused(conflict(RatingContests.contestable(null).orElseThrow()))).isEqualTo(409);
        assertThat(shown).containsExactly(Map.entry("form", "只有差评（不满意、非常不满意或未解决）可以申诉"));
        shown.clear();
        refused(conflict(RatingContests.alreadyContested(1)));
        assertThat(shown).containsExactly(Map.entry("form", "该轮评价已申诉过，每轮只能申诉一次"));
        shown.clear();
        refused(conflict(RatingContests.noOpenContest(1)));
        assertThat(shown).containsExactly(Map.entry("form", "该轮评价没有待复核的申诉（可能已复核）"));
    }

    @Test
    void a_visit_recorded_twice_and_an_unforeseen_conflict_are_explained_too() {
        refused(new ProblemException(Problem.of(409, "already-visited", "Already visited", "recorded already")));
        assertThat(shown).containsExactly(Map.entry("form", "该轮回访已记录，不能重复记录"));
        shown.clear();
        refused(new ProblemException(Problem.of(409, "illegal-transition", "Not possible now", "cannot RATE")));
        assertThat(shown).containsExactly(Map.entry("form", "当前不能执行此操作，请刷新后重试"));
    }

    @Test
    void an_appeal_or_round_the_caller_cannot_see_is_404_and_said_so() {
        assertThat(refused(ProblemException.notFound("Appeal 2612070000013"))).isEqualTo(404);
        assertThat(shown).containsExactly(Map.entry("form", "未找到该诉求或该轮评价"));
    }

    @Test
    void rejected_input_is_said_beside_its_field_with_400_or_422() {
        assertThat(refused(ProblemException.badRequest("trackingNo", "A tracking number has 13 digits"))).isEqualTo(400);
        assertThat(shown).containsExactly(Map.entry("trackingNo", "输入有误，请检查后重试"));
        shown.clear();
        assertThat(refused(new ProblemException(Problem.of(422, "invalid-input", "Invalid input", "x")))).isEqualTo(422);
        assertThat(shown).containsOnlyKeys("form");
    }

    @Test
    void any_other_failure_goes_on_to_the_problem_mappers() {
        IllegalStateException broken = new IllegalStateException("database gone");
        assertThatThrownBy(() -> refused(broken)).isSameAs(broken);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(nullValues = "NULL", value = { "1, 1", "12, 12", "9999, 9999", "0, NULL", "01, NULL", "10000, NULL", "-1, NULL",
            "1e3, NULL", "'', NULL", "NULL, NULL" })
    void a_round_in_the_path_is_one_to_four_digits_without_a_leading_zero(String typed, Integer round) {
        assertThat(EvaluationPageReplies.round(typed)).isEqualTo(round);
    }

    @Test
    void free_text_is_trimmed_and_an_optional_one_may_be_left_out() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(EvaluationPageReplies.text(errors, "note", "  已电话联系  ", 0, "回访记录有误")).isEqualTo("已电话联系");
        assertThat(EvaluationPageReplies.text(errors, "note", "   ", 0, "回访记录有误")).isNull();
        assertThat(EvaluationPageReplies.text(errors, "note", null, 0, "回访记录有误")).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void required_text_too_short_too_long_or_with_a_control_character_is_refused_with_the_pages_message() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(EvaluationPageReplies.text(errors, "reason", "", 5, "申诉理由须为5至500字")).isNull();
        assertThat(errors).containsExactly(Map.entry("reason", "申诉理由须为5至500字"));
        for (String bad : new String[] { "四个字呢", "好".repeat(501), "答复有误\u0007请复核" }) {
            Map<String, String> one = new LinkedHashMap<>();
            assertThat(EvaluationPageReplies.text(one, "reason", bad, 5, "申诉理由须为5至500字")).as(bad).isNull();
            assertThat(one).as(bad).containsOnlyKeys("reason");
        }
        assertThat(EvaluationPageReplies.text(new LinkedHashMap<>(), "reason", "答复与事实不符", 5, "x")).isEqualTo("答复与事实不符");
    }
}
