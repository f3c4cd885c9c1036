package cn.huiyin.channel.phone.domain;

import cn.huiyin.shared.domain.FieldLabel;
import cn.huiyin.shared.domain.Text;

import cn.huiyin.shared.domain.FieldRules;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Uscc;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an agent's work order must satisfy before it becomes an appeal. Reports every wrong field (at most
 * one violation each, the most basic first), named by its JSON path, so the PBX's agent screen can mark them.
 */
public final class WorkOrderPolicy {

    static final int AGENT_ID_MAX = 64;
    static final int CONTACT_NAME_MAX = 50;
    static final int DESCRIPTION_MIN = 10;
    static final int DESCRIPTION_MAX = 2000;
    static final int ENTERPRISE_NAME_MAX = 100;
    static final int ADDRESS_MAX = 200;
    static final int EXTERNAL_TICKET_NO_MAX = 64;

    static final FieldLabel AGENT_ID = new FieldLabel("agentId", "Agent id", "坐席工号");
    static final FieldLabel CONTACT_NAME = new FieldLabel("contact.name", "Contact name", "联系人姓名");
    static final FieldLabel CONTACT_MOBILE = new FieldLabel("contact.mobile", "Contact mobile number", "联系人手机号码");
    static final FieldLabel CATEGORY = new FieldLabel("category", "Category", "诉求分类");
    static final FieldLabel DESCRIPTION = new FieldLabel("description", "Description", "诉求描述");
    static final FieldLabel USCC = new FieldLabel("enterprise.uscc", "Unified social credit code", "统一社会信用代码");
    static final FieldLabel ENTERPRISE_NAME = new FieldLabel("enterprise.name", "Enterprise name", "企业名称");
    static final FieldLabel ADDRESS = new FieldLabel("address", "Address", "地址");
    static final FieldLabel EXTERNAL_TICKET_NO = new FieldLabel("externalTicketNo", "External ticket number", "外部工单号");


    private WorkOrderPolicy() {}

    public static List<FieldViolation> check(WorkOrder o) {
        Objects.requireNonNull(o, "o");
        return Stream.of(
                        AGENT_ID.text(o.agentId(), true, 1, AGENT_ID_MAX),
                        CONTACT_NAME.text(o.contactName(), true, 1, CONTACT_NAME_MAX),
                        contactMobile(o.contactMobile()),
                        category(o.category()),
                        DESCRIPTION.text(o.description(), true, DESCRIPTION_MIN, DESCRIPTION_MAX),
                        uscc(o.usccOrNull()),
                        ENTERPRISE_NAME.text(o.enterpriseNameOrNull(), false, 1, ENTERPRISE_NAME_MAX),
                        ADDRESS.text(o.address(), false, 1, ADDRESS_MAX),
                        EXTERNAL_TICKET_NO.text(o.externalTicketNo(), false, 1, EXTERNAL_TICKET_NO_MAX))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<FieldViolation> contactMobile(String raw) {
        if (Text.isAbsent(raw)) {
            return Optional.of(CONTACT_MOBILE.required());
        }
        if (Text.hasControlCharacter(raw)) {
            return Optional.of(CONTACT_MOBILE.control());
        }
        return FieldRules.mainlandMobile(CONTACT_MOBILE, raw);
    }

    private static Optional<FieldViolation> category(String raw) {
        if (Text.isAbsent(raw)) {
            return Optional.empty();
        }
        if (Text.hasControlCharacter(raw)) {
            return Optional.of(CATEGORY.control());
        }
        return FieldRules.categoryCode(CATEGORY, raw);
    }

    // one code for every defect (the agent's screen needs only "wrong"), worded by what is wrong
    private static Optional<FieldViolation> uscc(String raw) {
        if (Text.isAbsent(raw)) {
            return Optional.empty();
        }
        if (Text.hasControlCharacter(raw)) {
            return Optional.of(USCC.control());
        }
        return Uscc.parse(raw).isPresent()
                ? Optional.empty()
                : Optional.of(usccInvalid(Uscc.defectOf(raw).orElseThrow()));
    }

    private static FieldViolation usccInvalid(Uscc.Defect defect) {
        return defect == Uscc.Defect.WRONG_CHECK_CHARACTER
                ? USCC.violation("invalid",
                        "Unified social credit code has a wrong check character; please look for a typo",
                        "统一社会信用代码校验位不正确")
                : USCC.violation("invalid",
                        "Unified social credit code must be 18 digits or capital letters (no I, O, S, V or Z)",
                        "统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）");
    }
}
