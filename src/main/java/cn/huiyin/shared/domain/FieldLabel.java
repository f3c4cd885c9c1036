package cn.huiyin.shared.domain;

import java.util.Optional;

/**
 * A checked field: its JSON path (which also starts every code, {@code contact.name.tooLong}) and how it
 * is named in each language.
 */
public record FieldLabel(String path, String english, String chinese) {

    public FieldViolation violation(String rule, String message, String messageZh) {
        return new FieldViolation(path, path + "." + rule, message, messageZh);
    }

    public FieldViolation required() {
        return violation("required", english + " is required", "请填写" + chinese);
    }

    public FieldViolation control() {
        return violation("control", english + " contains control characters", chinese + "含有不允许的控制字符");
    }

    public FieldViolation tooShort(int min) {
        return violation("tooShort", english + " must be at least " + min + " characters",
                chinese + "不能少于" + min + "个字");
    }

    public FieldViolation tooLong(int max) {
        return violation("tooLong", english + " must be at most " + max + " characters",
                chinese + "不能超过" + max + "个字");
    }

    /** Presence, then control characters, then length in characters after trimming: the first that fails. */
    public Optional<FieldViolation> text(String raw, boolean required, int min, int max) {
        if (Text.isAbsent(raw)) {
            return required ? Optional.of(required()) : Optional.empty();
        }
        if (Text.hasControlCharacter(raw)) {
            return Optional.of(control());
        }
        int length = Text.length(raw);
        if (length < min) {
            return Optional.of(tooShort(min));
        }
        return length > max ? Optional.of(tooLong(max)) : Optional.empty();
    }
}
