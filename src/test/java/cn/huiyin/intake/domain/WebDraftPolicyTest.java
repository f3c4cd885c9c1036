package cn.huiyin.intake.domain;

import cn.huiyin.shared.domain.FieldViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebDraftPolicyTest {

    private static final String EMOJI = "😀"; // one character, two UTF-16 units

    @Test
    void aCompleteCorrectDraftHasNoViolations() {
        assertThat(WebDraftPolicy.check(Draft.valid().build())).isEmpty();
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        AppealDraft draft = Draft.valid().set("category", null).set("appealType", "").set("urgent", null).build();

        assertThat(WebDraftPolicy.check(draft)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBrokenRuleEach")
    void eachRuleNamesTheFieldAndTheProblem(String scenario, String field, Object value, String code) {
        AppealDraft draft = Draft.valid().set(field, value).build();

        assertThat(WebDraftPolicy.check(draft))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo(field);
                    assertThat(violation.code()).isEqualTo(code);
                    assertThat(violation.message()).isNotBlank();
                    assertThat(violation.messageZh()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgesThatAreStillFine")
    void valuesAtTheEdgeOfARuleAreAccepted(String scenario, String field, Object value) {
        assertThat(WebDraftPolicy.check(Draft.valid().set(field, value).build())).isEmpty();
    }

    @Test
    void aWrongCheckCharacterIsExplainedInChineseOnTheForm() {
        AppealDraft draft = Draft.valid().set("uscc", "914403001922038217").build();

        assertThat(WebDraftPolicy.check(draft)).singleElement()
                .extracting(FieldViolation::messageZh).isEqualTo("统一社会信用代码校验位不正确");
    }

    @Test
    void aDraftWithSeveralProblemsGetsThemAllInFormOrder() {
        AppealDraft draft = new AppealDraft("91350100M000100Y4Z", "", "张三", "12800138000", "water",
                "PRAISE", true, "x".repeat(51), "太短", false);

        assertThat(WebDraftPolicy.check(draft)).extracting(FieldViolation::code).containsExactly(
                "uscc.checksum", "enterpriseName.required", "contactMobile.invalid", "category.invalid",
                "appealType.invalid", "title.tooLong", "description.tooShort", "consent.required");
    }

    @Test
    void anEmptyDraftNamesEveryRequiredField() {
        AppealDraft nothing = new AppealDraft(null, null, null, null, null, null, null, null, null, null);

        assertThat(WebDraftPolicy.check(nothing)).extracting(FieldViolation::code).containsExactly(
                "uscc.required", "enterpriseName.required", "contactName.required", "contactMobile.required",
                "title.required", "description.required", "consent.required");
    }

    static Stream<Arguments> oneBrokenRuleEach() {
        return Stream.of(
                arguments("no USCC", "uscc", "  ", "uscc.required"),
                arguments("USCC of the wrong shape", "uscc", "91440300192203821", "uscc.invalid"),
                arguments("USCC with a forbidden letter", "uscc", "91512081OA62K0260E", "uscc.invalid"),
                arguments("USCC with a wrong check character", "uscc", "91350100M000100Y4Z", "uscc.checksum"),
                arguments("no enterprise name", "enterpriseName", null, "enterpriseName.required"),
                arguments("enterprise name over 100", "enterpriseName", "企".repeat(101), "enterpriseName.tooLong"),
                arguments("enterprise name with a NUL", "enterpriseName", "天河\u0000科技", "enterpriseName.control"),
                arguments("no contact name", "contactName", "", "contactName.required"),
                arguments("contact name over 50", "contactName", "张".repeat(51), "contactName.tooLong"),
                arguments("contact name with an escape", "contactName", "张三\u001b[31m", "contactName.control"),
                arguments("no contact mobile", "contactMobile", null, "contactMobile.required"),
                arguments("landline instead of mobile", "contactMobile", "020-38001234", "contactMobile.invalid"),
                arguments("lower-case category", "category", "water", "category.invalid"),
                arguments("one-letter category", "category", "W", "category.invalid"),
                arguments("category over 32", "category", "A".repeat(33), "category.invalid"),
                arguments("unknown appeal type", "appealType", "PRAISE", "appealType.invalid"),
                arguments("appeal type in lower case", "appealType", "help", "appealType.invalid"),
                arguments("no title", "title", null, "title.required"),
                arguments("title over 50", "title", "标".repeat(51), "title.tooLong"),
                arguments("title with a bell", "title", "停水\u0007", "title.control"),
                arguments("no description", "description", " \n ", "description.required"),
                arguments("description under 10", "description", "停水了请处理一下", "description.tooShort"),
                arguments("description under 10 once trimmed", "description", "   停水了请处理一下谢   ",
                        "description.tooShort"),
                arguments("description over 2000", "description", "字".repeat(2001), "description.tooLong"),
                arguments("description with DEL", "description", "已停水三天，请尽快处理\u007f", "description.control"),
                arguments("consent not given", "consent", false, "consent.required"),
                arguments("consent missing", "consent", null, "consent.required"));
    }

    static Stream<Arguments> edgesThatAreStillFine() {
        return Stream.of(
                arguments("lower-case USCC with spaces", "uscc", " 91512081ma62k0260e "),
                arguments("enterprise name of exactly 100", "enterpriseName", "企".repeat(100)),
                arguments("contact name of exactly 50", "contactName", "张".repeat(50)),
                arguments("mobile with country code and hyphens", "contactMobile", "+86 138-0013-8000"),
                arguments("title of exactly 50", "title", "标".repeat(50)),
                arguments("title of 50 emoji (100 UTF-16 units)", "title", EMOJI.repeat(50)),
                arguments("description of exactly 10", "description", "已停水三天请尽快处理"),
                arguments("description of 10 emoji", "description", EMOJI.repeat(10)),
                arguments("description of exactly 2000 plus spaces", "description", "  " + "字".repeat(2000) + "  "),
                arguments("description of 2000 emoji (4000 UTF-16 units)", "description", EMOJI.repeat(2000)),
                arguments("description with lines and tabs", "description", "第一行\r\n第二行\t缩进内容"),
                arguments("category with underscore", "category", "WATER_SUPPLY"),
                arguments("a known appeal type", "appealType", "COMPLAINT"));
    }

    /** A valid draft to break one field at a time. */
    private static final class Draft {
        private String uscc = "914403001922038216";
        private String enterpriseName = "广州天河示例科技有限公司";
        private String contactName = "张三";
        private String contactMobile = "13800138000";
        private String category = "WATER";
        private String appealType = "HELP";
        private Boolean urgent = false;
        private String title = "园区停水三天";
        private String description = "我司所在园区自周一起停水，已影响生产，请尽快协调恢复供水。";
        private Boolean consent = true;

        static Draft valid() {
            return new Draft();
        }

        Draft set(String field, Object value) {
            switch (field) {
                case "uscc" -> uscc = (String) value;
                case "enterpriseName" -> enterpriseName = (String) value;
                case "contactName" -> contactName = (String) value;
                case "contactMobile" -> contactMobile = (String) value;
                case "category" -> category = (String) value;
                case "appealType" -> appealType = (String) value;
                case "urgent" -> urgent = (Boolean) value;
                case "title" -> title = (String) value;
                case "description" -> description = (String) value;
                case "consent" -> consent = (Boolean) value;
                default -> throw new IllegalArgumentException("no such field: " + field);
            }
            return this;
        }

        AppealDraft build() {
            return new AppealDraft(uscc, enterpriseName, contactName, contactMobile, category, appealType, urgent,
                    title, description, consent);
        }
    }
}
