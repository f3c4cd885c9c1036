package cn.huiyin.shared.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import cn.huiyin.shared.domain.Text;

/** Checks {@link UnitCode}. */
public class UnitCodeValidator implements ConstraintValidator<UnitCode, String> {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_-]{1,31}");

    private boolean optional;

    @Override
    public void initialize(UnitCode rule) {
        this.optional = rule.optional();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (Text.isAbsent(value)) {
            return optional;
        }
        // the length is bounded before the pattern runs, so a long value costs nothing
        return value.length() <= 32 && SHAPE.matcher(value).matches();
    }
}
