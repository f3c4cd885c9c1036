package cn.huiyin.shared.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** Field rules every channel applies the same way, with the same words. The value is present. */
public final class FieldRules {

    // whether a category exists is the catalogue's business; here only its shape
    private static final Pattern CATEGORY_CODE = Pattern.compile("^[A-Z_]{2,32}$");

    private FieldRules() {
    }

    public static Optional<FieldViolation> mainlandMobile(FieldLabel field, String raw) {
        return MobileNumber.parse(raw).isPresent() ? Optional.empty()
                : Optional.of(field.violation("invalid",
                        field.english() + " must be a mainland China mobile number (11 digits starting 13-19)",
                        field.chinese() + "应为11位中国大陆手机号码"));
    }

    public static Optional<FieldViolation> categoryCode(FieldLabel field, String raw) {
        return CATEGORY_CODE.matcher(raw).matches() ? Optional.empty()
                : Optional.of(field.violation("invalid", "Category must be a code of 2 to 32 capital letters or underscores",
                        "诉求分类代码应为2至32位大写字母或下划线"));
    }
}
