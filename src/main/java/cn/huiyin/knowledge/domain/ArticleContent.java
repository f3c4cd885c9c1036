package cn.huiyin.knowledge.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.shared.domain.FieldLabel;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Text;

/**
 * What one version of an article says: its title, the ways the question is asked (question forms), the answer, the
 * legal or policy source it rests on, its category, and the days it is valid (validTo null: until withdrawn).
 */
public record ArticleContent(String title, List<String> questions, String answer, String sourceName, String sourceLink,
        String categoryCode, LocalDate validFrom, LocalDate validTo) {

    public static final int MAX_QUESTIONS = 20;

    /** The catalogue's unit rules that name no unit: local matters (by street) and those a dispatcher places. */
    private static final Set<String> OPEN_TO_EVERY_UNIT = Set.of("STREET", "DISPATCH");

    private static final FieldLabel TITLE = new FieldLabel("title", "Title", "标题");
    private static final FieldLabel QUESTION = new FieldLabel("questions", "A question form", "问法");
    private static final FieldLabel ANSWER = new FieldLabel("answer", "Answer", "答案");
    private static final FieldLabel SOURCE_NAME = new FieldLabel("sourceName", "Source name", "依据名称");
    private static final FieldLabel SOURCE_LINK = new FieldLabel("sourceLink", "Source link", "依据链接");
    private static final FieldLabel CATEGORY = new FieldLabel("categoryCode", "Category", "分类");
    private static final FieldLabel VALID_FROM = new FieldLabel("validFrom", "Valid from", "生效日期");
    private static final FieldLabel VALID_TO = new FieldLabel("validTo", "Valid to", "失效日期");

    public ArticleContent {
        questions = questions == null ? List.of() : questions.stream().toList(); // nulls kept: check() names them
    }

    /**
     * The same content as a person meant it: texts trimmed and in Unicode NFC, blank question forms and a blank link
     * dropped. Checked after this.
     */
    public ArticleContent normalized() {
        List<String> forms = questions.stream().filter(q -> !Text.isAbsent(q)).map(ArticleContent::clean).distinct().toList();
        return new ArticleContent(clean(title), forms, clean(answer), clean(sourceName),
                Text.isAbsent(sourceLink) ? null : clean(sourceLink), clean(categoryCode), validFrom, validTo);
    }

    /**
     * Every field rule this content breaks for an article of {@code unitCode}, in the order of the form; empty when it
     * may be stored. {@code unitRules} is the catalogue: each category's unit rule. A unit writes in the categories the
     * catalogue gives it, and in those placed by street or by a dispatcher, which belong to no one unit.
     */
    public List<FieldViolation> check(Map<String, String> unitRules, String unitCode) {
        List<FieldViolation> violations = new ArrayList<>();
        TITLE.text(title, true, 4, 100).ifPresent(violations::add);
        questionForms().ifPresent(violations::add);
        ANSWER.text(answer, true, 20, 4000).ifPresent(violations::add);
        SOURCE_NAME.text(sourceName, true, 2, 200).ifPresent(violations::add);
        link().ifPresent(violations::add);
        if (Text.isAbsent(categoryCode)) {
            violations.add(CATEGORY.required());
        } else if (!unitRules.containsKey(categoryCode)) {
            violations.add(CATEGORY.violation("unknown", "Category must be one of the dispatch catalogue's categories",
                    "分类须为派单目录中的分类"));
        } else if (!ownedBy(unitRules.get(categoryCode), unitCode)) {
            violations.add(CATEGORY.violation("otherUnit", "The catalogue gives this category to another unit",
                    "派单目录将该分类交由其他单位承办，请选择本单位负责的分类"));
        }
        if (validFrom == null) {
            violations.add(VALID_FROM.required());
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            violations.add(VALID_TO.violation("beforeValidFrom", "Valid to must not be before valid from",
                    "失效日期不能早于生效日期"));
        }
        return violations;
    }

    /** Whether the article may answer on this day. */
    public boolean validOn(LocalDate day) {
        return validFrom != null && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    private static boolean ownedBy(String unitRule, String unitCode) {
        return unitRule.equals(unitCode) || OPEN_TO_EVERY_UNIT.contains(unitRule);
    }

    private Optional<FieldViolation> questionForms() {
        if (questions.isEmpty()) {
            return Optional.of(QUESTION.violation("required", "At least one question form is required", "请至少填写一种问法"));
        }
        if (questions.size() > MAX_QUESTIONS) {
            return Optional.of(QUESTION.violation("tooMany", "At most " + MAX_QUESTIONS + " question forms",
                    "问法不能超过" + MAX_QUESTIONS + "种"));
        }
        for (String question : questions) {
            if (question == null || question.contains("\n") || question.contains("\r")) {
                // question forms are stored one per line
                return Optional.of(QUESTION.violation("lineBreak", "A question form is one line", "每种问法只能写一行"));
            }
            Optional<FieldViolation> flaw = QUESTION.text(question, true, 2, 200);
            if (flaw.isPresent()) {
                return flaw;
            }
        }
        return Optional.empty();
    }

    private Optional<FieldViolation> link() {
        if (sourceLink == null) {
            return Optional.empty();
        }
        String lower = sourceLink.toLowerCase(java.util.Locale.ROOT);
        boolean web = (lower.startsWith("https://") || lower.startsWith("http://")) && lower.indexOf("://") + 3 < lower.length()
                && sourceLink.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>');
        if (!web || sourceLink.length() > 500) {
            // a link shown to the public: only the web, never javascript: or data:
            return Optional.of(SOURCE_LINK.violation("invalid", "Source link must be an http(s) address of at most 500 characters",
                    "依据链接须为以 http:// 或 https:// 开头的网址（不超过500个字符）"));
        }
        return Optional.empty();
    }

    private static String clean(String raw) {
        return raw == null ? null : Text.normalized(raw.strip());
    }
}
