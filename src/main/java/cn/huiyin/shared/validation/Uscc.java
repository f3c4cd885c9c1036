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
 * A unified social credit code (统一社会信用代码) with a right check character, by the one rule of
 * {@link cn.huiyin.shared.domain.Uscc#defectOf(String)}: surrounding spaces and lower case are forgiven there, so the
 * value is still to be read with {@link cn.huiyin.shared.domain.Uscc#parse(String)} for its canonical form. Absent
 * (null or blank) breaks the rule unless the field is {@code optional}. The message is a predicate that follows the
 * field's name.
 */
@Documented
@Constraint(validatedBy = UsccValidator.class)
@Target({ FIELD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface Uscc {

    String message() default "is an 18-character unified social credit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether the field may be left out (null or blank); given, it follows the rule. */
    boolean optional() default false;
}
