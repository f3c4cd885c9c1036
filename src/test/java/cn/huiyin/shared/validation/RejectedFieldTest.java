package cn.huiyin.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Violations reported under the names a client sent, first field first, with the constraints' own messages. */
class RejectedFieldTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Line(@FreeText(max = 5) String name) {
    }

    record Body(@FreeText(min = 10, max = 20) String answer, @UnitCode String toUnit, @Valid Line first,
            List<@Valid Line> lines) {
    }

    /** A resource method, as the web layer validates its parameters. */
    static class Resource {

        String reply(String trackingNo, @NotNull(message = "is required") @Valid Body body) {
            return trackingNo;
        }

        String queue(@Min(value = 1, message = "is 1 to 500") @Max(value = 500, message = "is 1 to 500") int limit) {
            return "";
        }

        @NotNull
        String found() {
            return null;
        }
    }

    private static List<RejectedField> parameters(String method, Object... args) throws NoSuchMethodException {
        Method target = method.equals("reply") ? Resource.class.getDeclaredMethod("reply", String.class, Body.class)
                : Resource.class.getDeclaredMethod("queue", int.class);
        return RejectedField.inOrder(VALIDATOR.forExecutables().validateParameters(new Resource(), target, args));
    }

    @Test
    void every_broken_field_is_named_by_its_json_path_in_the_order_of_the_body() {
        Body body = new Body("短", "samr", new Line("x".repeat(10_000)), List.of(new Line("ok"), new Line("\u0000")));

        List<RejectedField> rejected = RejectedField.inOrder(VALIDATOR.validate(body));

        assertThat(rejected).extracting(RejectedField::field).containsExactly("answer", "toUnit", "first.name", "lines[1].name");
        assertThat(rejected).extracting(RejectedField::message).containsExactly(
                "is 10 to 20 characters, without control characters", "is a unit code such as SAMR",
                "is 1 to 5 characters, without control characters", "is 1 to 5 characters, without control characters");
    }

    @Test
    void a_body_parameter_is_named_by_its_fields_not_by_the_method_and_argument() throws NoSuchMethodException {
        List<RejectedField> rejected = parameters("reply", "2611250000510", new Body("够长的一段答复内容了吧", "sam r", null, List.of()));

        assertThat(rejected).extracting(RejectedField::field).containsExactly("toUnit");
    }

    @Test
    void a_missing_body_is_named_body_and_a_query_parameter_by_its_own_name() throws NoSuchMethodException {
        assertThat(parameters("reply", "2611250000510", null)).extracting(RejectedField::field, RejectedField::message)
                .containsExactly(tuple("body", "is required"));
        assertThat(parameters("queue", 0)).extracting(RejectedField::field).containsExactly("limit");
        assertThat(parameters("queue", 100)).isEmpty();
    }

    @Test
    void the_order_is_the_same_on_every_run() {
        Body body = new Body(null, null, new Line(null), List.of(new Line(null), new Line(null), new Line(null)));
        List<String> first = RejectedField.inOrder(VALIDATOR.validate(body)).stream().map(RejectedField::field).toList();

        for (int run = 0; run < 20; run++) {
            assertThat(RejectedField.inOrder(VALIDATOR.validate(body))).extracting(RejectedField::field).isEqualTo(first);
        }
        assertThat(first).containsExactly("answer", "toUnit", "first.name", "lines[0].name", "lines[1].name", "lines[2].name");
    }

    @Test
    void a_violation_of_a_methods_answer_is_told_apart_from_one_of_the_request() throws NoSuchMethodException {
        Method queue = Resource.class.getDeclaredMethod("queue", int.class);
        Method found = Resource.class.getDeclaredMethod("found");

        var request = VALIDATOR.forExecutables().validateParameters(new Resource(), queue, new Object[] { 0 });
        var answer = VALIDATOR.forExecutables().validateReturnValue(new Resource(), found, null);

        assertThat(request).isNotEmpty().allSatisfy(v -> assertThat(RejectedField.ofReturnValue(v)).isFalse());
        assertThat(answer).isNotEmpty().allSatisfy(v -> assertThat(RejectedField.ofReturnValue(v)).isTrue());
    }
}
