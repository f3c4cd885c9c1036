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
 * The shape of a code picked from the catalogue's lists — a unit's code ({@code SAMR}, {@code TAX}), and at the
 * dispatcher's desk a category's ({@code TAX_SERVICE}): a capital letter, then 1 to 31 capitals, digits, {@code _}
 * or {@code -}. Whether such a unit exists is the catalogue's business. Absent (null or blank) breaks the rule unless
 * the field is {@code optional}. The message is a predicate that follows the field's name.
 */
@Documented
@Constraint(validatedBy = UnitCodeValidator.class)
@Target({ FIELD, PARAMETER, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface UnitCode {

    String message() default "is a unit code such as SAMR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether the field may be left out (null or blank); given, it follows the rule. */
    boolean optional() default false;
}
