package cn.huiyin.shared.domain;

/** A person's name as staff who do not need it see it: the first character, the rest hidden (张三 → 张*). */
public final class PersonName {

    private PersonName() {
    }

    public static String masked(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        int rest = trimmed.codePointCount(0, trimmed.length()) - 1;
        return new StringBuilder().appendCodePoint(first).append("*".repeat(Math.max(1, Math.min(rest, 3)))).toString();
    }
}
