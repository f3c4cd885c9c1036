package cn.huiyin.channel.phone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.huiyin.shared.domain.FieldViolation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkOrderPolicyTest {

    private static final String EMOJI = "😀"; // one character, two UTF-16 units

    @Test
    void aCompleteCorrectWorkOrderHasNoViolations() {
        assertThat(WorkOrderPolicy.check(Order.valid().build())).isEmpty();
    }

    @Test
    void theOptionalFieldsMayBeLeftOut() {
        WorkOrder minimal = new WorkOrder("8001", "张三", "13800138000", null, "园区停水三天，影响生产，请尽快处理。", null, null,
                null, null);

        assertThat(WorkOrderPolicy.check(minimal)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBrokenRuleEach")
    void eachRuleNamesTheFieldByItsJsonPathAndTheProblem(String scenario, String field, String value, String code) {
        assertThat(WorkOrderPolicy.check(Order.valid().set(field, value).build()))
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
    void valuesAtTheEdgeOfARuleAreAccepted(String scenario, String field, String value) {
        assertThat(WorkOrderPolicy.check(Order.valid().set(field, value).build())).isEmpty();
    }

    @Test
    void anEmptyWorkOrderNamesEveryRequiredField() {
        WorkOrder nothing = new WorkOrder(null, null, null, null, null, null, null, null, null);

        assertThat(WorkOrderPolicy.check(nothing)).extracting(FieldViolation::code).containsExactly(
                "agentId.required", "contact.name.required", "contact.mobile.required", "description.required");
    }

    @Test
    void aWorkOrderWithSeveralProblemsGetsThemAllInFieldOrder() {
        WorkOrder order = new WorkOrder(" ", "张".repeat(51), "020-38001234", "water", "太短", "91350100M000100Y4Z",
                "企".repeat(101), "地".repeat(201), "T".repeat(65));

        assertThat(WorkOrderPolicy.check(order)).extracting(FieldViolation::code).containsExactly(
                "agentId.required", "contact.name.tooLong", "contact.mobile.invalid", "category.invalid",
                "description.tooShort", "enterprise.uscc.invalid", "enterprise.name.tooLong", "address.tooLong",
                "externalTicketNo.tooLong");
    }

    @Test
    void aWrongCheckCharacterIsExplainedAsSuchButKeepsTheOneCode() {
        assertThat(WorkOrderPolicy.check(Order.valid().set("enterprise.uscc", "914403001922038217").build()))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.code()).isEqualTo("enterprise.uscc.invalid");
                    assertThat(violation.messageZh()).isEqualTo("统一社会信用代码校验位不正确");
                });
    }

    @Test
    void theContactsNumberIsMaskedWhenAWorkOrderIsLogged() {
        assertThat(Order.valid().build().toString()).contains("138****8000").doesNotContain("13800138000");
    }

    static Stream<Arguments> oneBrokenRuleEach() {
        return Stream.of(
                arguments("no agent id", "agentId", null, "agentId.required"),
                arguments("blank agent id", "agentId", "  ", "agentId.required"),
                arguments("agent id over 64", "agentId", "8".repeat(65), "agentId.tooLong"),
                arguments("agent id with a NUL", "agentId", "8001\u0000", "agentId.control"),
                arguments("no contact name", "contact.name", "", "contact.name.required"),
                arguments("contact name over 50", "contact.name", "张".repeat(51), "contact.name.tooLong"),
                arguments("contact name with an escape", "contact.name", "张三\u001b[31m", "contact.name.control"),
                arguments("no contact mobile", "contact.mobile", null, "contact.mobile.required"),
                arguments("landline instead of mobile", "contact.mobile", "020-38001234", "contact.mobile.invalid"),
                arguments("mobile starting 12", "contact.mobile", "12800138000", "contact.mobile.invalid"),
                arguments("mobile one digit short", "contact.mobile", "1380013800", "contact.mobile.invalid"),
                arguments("mobile with a NUL", "contact.mobile", "13800138000\u0000", "contact.mobile.control"),
                arguments("lower-case category", "category", "water", "category.invalid"),
                arguments("one-letter category", "category", "W", "category.invalid"),
                arguments("category over 32", "category", "A".repeat(33), "category.invalid"),
                arguments("category with a digit", "category", "WATER2", "category.invalid"),
                arguments("category with a bell", "category", "WATER\u0007", "category.control"),
                arguments("no description", "description", " \n ", "description.required"),
                arguments("description under 10", "description", "停水了请处理一下", "description.tooShort"),
                arguments("description under 10 once trimmed", "description", "   停水了请处理一下谢   ",
                        "description.tooShort"),
                arguments("description over 2000", "description", "字".repeat(2001), "description.tooLong"),
                arguments("description with DEL", "description", "已停水三天，请尽快处理\u007f", "description.control"),
                arguments("USCC of the wrong shape", "enterprise.uscc", "91440300192203821", "enterprise.uscc.invalid"),
                arguments("USCC with a forbidden letter", "enterprise.uscc", "91512081OA62K0260E",
                        "enterprise.uscc.invalid"),
                arguments("USCC with a wrong check character", "enterprise.uscc", "91350100M000100Y4Z",
                        "enterprise.uscc.invalid"),
                arguments("USCC with a NUL", "enterprise.uscc", "914403001922038216\u0000", "enterprise.uscc.control"),
                arguments("enterprise name over 100", "enterprise.name", "企".repeat(101), "enterprise.name.tooLong"),
                arguments("enterprise name with a NUL", "enterprise.name", "天河\u0000科技", "enterprise.name.control"),
                arguments("address over 200", "address", "地".repeat(201), "address.tooLong"),
                arguments("address with a form feed", "address", "天河路1号\f", "address.control"),
                arguments("external ticket number over 64", "externalTicketNo", "T".repeat(65),
                        "externalTicketNo.tooLong"),
                arguments("external ticket number with an escape", "externalTicketNo", "T-1\u001b",
                        "externalTicketNo.control"));
    }

    static Stream<Arguments> edgesThatAreStillFine() {
        return Stream.of(
                arguments("agent id of exactly 64", "agentId", "8".repeat(64)),
                arguments("contact name of exactly 50", "contact.name", "张".repeat(50)),
                arguments("contact name of 50 emoji (100 UTF-16 units)", "contact.name", EMOJI.repeat(50)),
                arguments("mobile with country code and hyphens", "contact.mobile", "+86 138-0013-8000"),
                arguments("mobile with 0086", "contact.mobile", "008613800138000"),
                arguments("no category", "category", null),
                arguments("empty category", "category", ""),
                arguments("category with underscore", "category", "WATER_SUPPLY"),
                arguments("category of exactly 32", "category", "A".repeat(32)),
                arguments("description of exactly 10", "description", "已停水三天请尽快处理"),
                arguments("description of 10 emoji", "description", EMOJI.repeat(10)),
                arguments("description of exactly 2000 plus spaces", "description", "  " + "字".repeat(2000) + "  "),
                arguments("description of 2000 emoji (4000 UTF-16 units)", "description", EMOJI.repeat(2000)),
                arguments("description with lines and tabs", "description", "第一行\r\n第二行\t缩进内容"),
                arguments("no USCC", "enterprise.uscc", null),
                arguments("blank USCC", "enterprise.uscc", "  "),
                arguments("lower-case USCC with spaces", "enterprise.uscc", " 91512081ma62k0260e "),
                arguments("no enterprise name", "enterprise.name", null),
                arguments("enterprise name of exactly 100", "enterprise.name", "企".repeat(100)),
                arguments("address of exactly 200", "address", "地".repeat(200)),
                arguments("address over two lines", "address", "广州市天河区\n天河路1号"),
                arguments("external ticket number of exactly 64", "externalTicketNo", "T".repeat(64)));
    }

    /** A valid work order to break one field at a time, addressed by JSON path. */
    private static final class Order {
        private String agentId = "8001";
        private String contactName = "张三";
        private String contactMobile = "13800138000";
        private String category = "WATER";
        private String description = "我司所在园区自周一起停水，已影响生产，请尽快协调恢复供水。";
        private String uscc = "914403001922038216";
        private String enterpriseName = "广州天河示例科技有限公司";
        private String address = "广州市天河区天河路1号";
        private String externalTicketNo = "PBX-2026-000001";

        static Order valid() {
            return new Order();
        }

        Order set(String field, String value) {
            switch (field) {
                case "agentId" -> agentId = value;
                case "contact.name" -> contactName = value;
                case "contact.mobile" -> contactMobile = value;
                case "category" -> category = value;
                case "description" -> description = value;
                case "enterprise.uscc" -> uscc = value;
                case "enterprise.name" -> enterpriseName = value;
                case "address" -> address = value;
                case "externalTicketNo" -> externalTicketNo = value;
                default -> throw new IllegalArgumentException("no such field: " + field);
            }
            return this;
        }

        WorkOrder build() {
            return new WorkOrder(agentId, contactName, contactMobile, category, description, uscc, enterpriseName,
                    address, externalTicketNo);
        }
    }
}
