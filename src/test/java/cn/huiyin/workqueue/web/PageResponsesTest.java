package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** Post, then redirect: a step that worked goes to a page that says so; a refused one shows the page again, or a 404. */
class PageResponsesTest {

    /** The page shown again: what it was given, answered with the status it was given. */
    private final Map<String, String> shownErrors = new HashMap<>();

    private Uni<Response> again(Map<String, String> errors, Integer status) {
        shownErrors.putAll(errors);
        return Uni.createFrom().item(Response.status(status).build());
    }

    private static final Uni<TemplateInstance> NOT_FOUND_PAGE = Uni.createFrom().nullItem();

    private Response refused(Throwable failure) {
        return PageResponses.refused(failure, this::again, NOT_FOUND_PAGE).await().indefinitely();
    }

    @Test
    void a_step_that_worked_redirects_with_its_notice_code() {
        Response response = PageResponses.seeOther("/workqueue/2612070000013", "first-contact");
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation()).hasToString("/workqueue/2612070000013?ok=first-contact");
        assertThat(PageResponses.seeOther("/dispatch", "a b&c").getLocation()).hasToString("/dispatch?ok=a+b%26c");
    }

    @Test
    void a_step_not_possible_now_is_409_with_the_reason_above_the_form() {
        Response response = refused(ProblemException.conflict("another commissioner holds this appeal"));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(shownErrors).containsExactly(Map.entry("form", "该诉求已由其他承办人认领或签收"));
    }

    @Test
    void a_rejected_input_is_422_beside_its_field() {
        Response response = refused(ProblemException.badRequest("toUnit", "No handling unit has the code NOPE"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(shownErrors).containsExactly(Map.entry("toUnit", "请选择有效的承办单位"));
    }

    @Test
    void a_rejected_input_without_a_field_is_said_above_the_form() {
        refused(new ProblemException(Problem.of(422, "invalid-input", "Invalid input", "something")));
        assertThat(shownErrors).containsOnlyKeys("form");
    }

    @Test
    void an_appeal_the_caller_may_not_see_or_a_malformed_number_is_a_plain_404() {
        assertThat(refused(ProblemException.notFound("Appeal 2612070000013")).getStatus()).isEqualTo(404);
        assertThat(refused(ProblemException.badRequest("trackingNo", "A tracking number has 13 digits")).getStatus())
                .isEqualTo(404);
        assertThat(shownErrors).isEmpty();
    }

    @Test
    void any_other_failure_goes_on_to_the_problem_mappers_untouched() {
        IllegalStateException broken = new IllegalStateException("database gone");
        assertThatThrownBy(() -> refused(broken)).isSameAs(broken);
        assertThat(shownErrors).isEmpty();
    }

    @Test
    void input_rejected_at_the_pages_edge_is_422() {
        assertThat(PageResponses.invalid(NOT_FOUND_PAGE).await().indefinitely().getStatus()).isEqualTo(422);
    }
}
