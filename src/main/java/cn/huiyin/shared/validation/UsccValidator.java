package cn.huiyin.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import cn.huiyin.shared.domain.Text;

/** Checks {@link Uscc} with the domain's own rule, so that the edge and the domain never disagree. */
public class UsccValidator implements ConstraintValidator<Uscc, String> {

    private boolean optional;

    @Override
    public void initialize(Uscc rule) {
        this.optional = rule.optional();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (Text.isAbsent(value)) {
            return optional;
        }
        return cn.huiyin.shared.domain.Uscc.defectOf(value).isEmpty();
    }
}
