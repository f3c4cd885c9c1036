package cn.huiyin.shared.validation;

import java.lang.annotation.Annotation;

/** The constraints the validator tests check values against, as a record would declare them. */
final class Rules {

    record Declared(@FreeText(min = 2, max = 10) String reason, @FreeText(max = 5, optional = true) String note,
            @UnitCode String unit, @UnitCode(optional = true) String otherUnit, @Uscc String uscc,
            @Uscc(optional = true) String otherUscc, @Mobile String mobile, @Mobile(optional = true) String otherMobile) {
    }

    private Rules() {
    }

    static <A extends Annotation> A on(String field, Class<A> type) {
        try {
            return Declared.class.getDeclaredField(field).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(field, e);
        }
    }
}
