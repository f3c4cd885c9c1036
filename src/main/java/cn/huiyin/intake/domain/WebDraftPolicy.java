package cn.huiyin.intake.domain;

import static cn.huiyin.intake.domain.DraftField.*;

import cn.huiyin.appeal.domain.AppealType;
import cn.huiyin.shared.domain.FieldRules;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.domain.Uscc;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a web submission must satisfy before anything is stored. Reports every field that is wrong
 * (at most one violation per field, the most basic first), so the form can mark them all at once.
 */
public final class WebDraftPolicy {

    static final int ENTERPRISE_NAME_MAX = 100;
    static final int CONTACT_NAME_MAX = 50;
    static final int TITLE_MAX = 50;
    static final int DESCRIPTION_MIN = 10;
    static final int DESCRIPTION_MAX = 2000;

    private static final List<String> APPEAL_TYPES =
            Arrays.stream(AppealType.values()).map(Enum::name).toList();
    private static final String APPEAL_TYPE_LABELS =
            String.join("、", Arrays.stream(AppealType.values()).map(AppealType::label).toList());

    private WebDraftPolicy() {}

    public static List<FieldViolation> check(AppealDraft d) {
        Objects.requireNonNull(d, "d");
        return Stream.of(
                        uscc(d.uscc()),
                        text(ENTERPRISE_NAME, d.enterpriseName(), 1, ENTERPRISE_NAME_MAX),
                        text(CONTACT_NAME, d.contactName(), 1, CONTACT_NAME_MAX),
                        contactMobile(d.contactMobile()),
                        category(d.category()),
                        appealType(d.appealType()),
                        text(TITLE, d.title(), 1, TITLE_MAX),
                        text(DESCRIPTION, d.description(), DESCRIPTION_MIN, DESCRIPTION_MAX),
                        consent(d.consent()))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<FieldViolation> uscc(String raw) {
        return Uscc.defectOf(raw).map(defect -> switch (defect) {
            case MISSING -> USCC.required();
            case MALFORMED -> USCC.violation("invalid",
                    "Unified social credit code must be 18 digits or capital letters (no I, O, S, V or Z)",
                    "统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）");
            case WRONG_CHECK_CHARACTER -> USCC.violation("checksum",
                    "Unified social credit code has a wrong check character; please look for a typo",
                    "统一社会信用代码校验位不正确");
        });
    }

    /** Required text: presence, control characters, then length in characters after trimming. */
    private static Optional<FieldViolation> text(DraftField field, String raw, int min, int max) {
        return field.label().text(raw, true, min, max);
    }

    private static Optional<FieldViolation> contactMobile(String raw) {
        if (Text.isAbsent(raw)) {
            return Optional.of(CONTACT_MOBILE.required());
        }
        return FieldRules.mainlandMobile(CONTACT_MOBILE.label(), raw);
    }

    private static Optional<FieldViolation> category(String raw) {
        return Text.isAbsent(raw) ? Optional.empty() : FieldRules.categoryCode(CATEGORY.label(), raw);
    }

    private static Optional<FieldViolation> appealType(String raw) {
        if (Text.isAbsent(raw) || APPEAL_TYPES.contains(raw)) {
            return Optional.empty();
        }
        return Optional.of(APPEAL_TYPE.violation("invalid",
                "Appeal type must be one of " + String.join(", ", APPEAL_TYPES),
                "诉求类型应为以下之一：" + APPEAL_TYPE_LABELS));
    }

    private static Optional<FieldViolation> consent(Boolean consent) {
        return Boolean.TRUE.equals(consent)
                ? Optional.empty()
                : Optional.of(CONSENT.violation("required",
                        "Consent to the processing of personal information is required",
                        "请阅读并同意个人信息处理规则"));
    }
}
