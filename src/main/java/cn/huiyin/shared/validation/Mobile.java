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

/**
 * A mainland China mobile number, by the one rule of {@link cn.huiyin.shared.domain.MobileNumber#parse(String)}:
 * {@code 1[3-9]} and 9 more digits, written as people write them (spaces, hyphens, a {@code +86} prefix), at most 32
 * characters, no control characters. Absent (null or blank) breaks the rule unless the field is {@code optional}.
 * The message is a predicate that follows the field's name.
 */
@Documented
@Constraint(validatedBy = MobileValidator.class)
@Target({ FIELD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface Mobile {

    String message() default "is a mainland China mobile number (11 digits starting 13-19)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether the field may be left out (null or blank); given, it follows the rule. */
    boolean optional() default false;
}
