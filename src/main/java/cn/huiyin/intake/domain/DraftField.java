package cn.huiyin.intake.domain;

import cn.huiyin.shared.domain.FieldLabel;
import cn.huiyin.shared.domain.FieldViolation;

/** The checked fields of a web draft, with the words used for them in each language. */
enum DraftField {
    USCC("uscc", "Unified social credit code", "统一社会信用代码"),
    ENTERPRISE_NAME("enterpriseName", "Enterprise name", "企业名称"),
    CONTACT_NAME("contactName", "Contact name", "联系人姓名"),
    CONTACT_MOBILE("contactMobile", "Contact mobile number", "联系人手机号码"),
    CATEGORY("category", "Category", "诉求分类"),
    APPEAL_TYPE("appealType", "Appeal type", "诉求类型"),
    TITLE("title", "Title", "标题"),
    DESCRIPTION("description", "Description", "诉求描述"),
    CONSENT("consent", "Consent", "个人信息处理同意");

    private final FieldLabel label;

    DraftField(String jsonName, String english, String chinese) {
        this.label = new FieldLabel(jsonName, english, chinese);
    }

    FieldLabel label() {
        return label;
    }

    FieldViolation violation(String rule, String message, String messageZh) {
        return label.violation(rule, message, messageZh);
    }

    FieldViolation required() {
        return label.required();
    }
}
