package cn.huiyin.shared.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import cn.huiyin.shared.domain.Text;

/**
 * Text a person typed: given (not blank), nothing {@link Text#flaw(String)} refuses (control characters other than
 * line breaks and tabs above all), and {@code min} to {@code max} characters after trimming, counted as
 * {@link Text#length(String)} counts them (code points). Unlike the built-in constraints, an absent value (null or
 * blank, {@link Text#isAbsent(String)}) breaks the rule unless the field is {@code optional}.
 *
 * <p>The message is a predicate: whoever reports it puts the field's name before it.
 */
@Documented
@Constraint(validatedBy = FreeTextValidator.class)
@Target({ FIELD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface FreeText {

    String message() default "is {min} to {max} characters, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The fewest characters after trimming. */
    int min() default 1;

    /** The most characters after trimming. */
    int max();

    /** Whether the field may be left out (null or blank); given, it follows the rule. */
    boolean optional() default false;
}
