package cn.huiyin.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import cn.huiyin.shared.domain.MobileNumber;
import cn.huiyin.shared.domain.Text;

/**
 * Checks {@link Mobile} with the domain's own rule, so that the edge and the domain never disagree; text with a
 * control character is refused first, as every decoder refuses it (the number rule alone would drop a vertical tab
 * as a space).
 */
public class MobileValidator implements ConstraintValidator<Mobile, String> {

    private boolean optional;

    @Override
    public void initialize(Mobile rule) {
        this.optional = rule.optional();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (Text.isAbsent(value)) {
            return optional;
        }
        return Text.flaw(value).isEmpty() && MobileNumber.parse(value).isPresent();
    }
}
