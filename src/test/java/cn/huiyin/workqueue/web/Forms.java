package cn.huiyin.workqueue.web;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The field rules as the pages check them, without the application: one validator, a fresh set of checks per form. */
final class Forms {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private Forms() {
    }

    static FormChecks checks() {
        return new FormChecks(VALIDATOR);
    }
}
