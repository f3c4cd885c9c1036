package cn.huiyin.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import cn.huiyin.shared.domain.Text;

/** Checks {@link FreeText}. */
public class FreeTextValidator implements ConstraintValidator<FreeText, String> {

    private int min;
    private int max;
    private boolean optional;

    @Override
    public void initialize(FreeText rule) {
        this.min = rule.min();
        this.max = rule.max();
        this.optional = rule.optional();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (Text.isAbsent(value)) {
            return optional;
        }
        if (Text.flaw(value).isPresent()) {
            return false;
        }
        int length = Text.length(value);
        return length >= min && length <= max;
    }
}
