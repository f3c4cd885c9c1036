package cn.huiyin.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.web.Problem;

/**
 * A 503 from intake may come after the appeal's batch committed: its words must not say it was not stored, and
 * must send the client back with the same key (the web form re-shows the same submission id).
 */
class UnavailableWordingTest {

    @Test
    void the_problem_says_the_appeal_may_or_may_not_be_stored_and_to_retry_with_the_same_key() {
        assertThat(WebIntakeService.UNAVAILABLE_DETAIL).contains("did not arrive in time")
                .contains("may or may not have been stored").contains("same Idempotency-Key")
                .contains("never makes a second appeal").doesNotContain("could not be stored");
    }

    @Test
    void the_form_says_it_in_chinese_and_leaves_other_problems_as_they_are() {
        Problem unavailable = Problem.of(503, "intake-unavailable", "Intake unavailable", WebIntakeService.UNAVAILABLE_DETAIL);
        assertThat(AppealPages.formMessage(unavailable)).contains("可能已经保存，也可能没有").contains("不会产生第二件诉求");

        Problem other = Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused", "This key was used before");
        assertThat(AppealPages.formMessage(other)).isEqualTo("This key was used before");
    }
}
