package cn.huiyin.shared.web;

import java.util.List;

import cn.huiyin.shared.domain.FieldViolation;

/** Field violations from a domain policy, as the one error shape. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(Problem.invalid(violations.stream()
                .map(v -> new Problem.InvalidField(v.field(), v.code(), v.message(), v.messageZh())).toList()));
    }
}
