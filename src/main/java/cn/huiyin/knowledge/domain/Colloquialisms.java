package cn.huiyin.knowledge.domain;

import java.util.List;

/**
 * Short and spoken names of matters, read as the names the articles use (执照 → 营业执照, 社保 → 社会保险). Applied
 * to articles and questions alike, after {@link QueryText#normalise}, so either side may use either name.
 */
final class Colloquialisms {

    /**
     * Spoken form → written form. When the written form contains the spoken one, it is not rewritten twice. Kept only
     * those that help or are neutral on the tuning data (each left out in turn: 社保 +3, 法人 +2, 开公司 +1 questions
     * answered rightly, the others ±0); 数电票 → 全面数字化的电子发票 cost one more wrong answer and 税票, 注销公司, 办厂
     * changed nothing, so they went.
     */
    static final List<String[]> PAIRS = List.of(
            pair("执照", "营业执照"),
            pair("社保", "社会保险"),
            pair("医保", "医疗保险"),
            pair("公积金", "住房公积金"),
            pair("个体户", "个体工商户"),
            pair("专票", "增值税专用发票"),
            pair("普票", "增值税普通发票"),
            pair("电票", "电子发票"),
            pair("法人代表", "法定代表人"), // before 法人, which it contains
            pair("法人", "法定代表人"),
            pair("开公司", "设立公司"));

    private Colloquialisms() {
    }

    static String rewrite(String text) {
        String out = text;
        for (String[] p : PAIRS) {
            out = replaceOutside(out, p[0], p[1]);
        }
        return out;
    }

    /** Replaces {@code from} by {@code to} except where it already stands inside an occurrence of {@code to}. */
    static String replaceOutside(String text, String from, String to) {
        if (!text.contains(from)) {
            return text;
        }
        int inside = to.indexOf(from);
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(from, i) && !(inside >= 0 && i >= inside && text.startsWith(to, i - inside))) {
                out.append(to);
                i += from.length();
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static String[] pair(String spoken, String written) {
        return new String[] {spoken, written};
    }
}
