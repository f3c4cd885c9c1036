package cn.huiyin.intake.domain;

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

    private final String jsonName;
    private final String english;
    private final String chinese;

    DraftField(String jsonName, String english, String chinese) {
        this.jsonName = jsonName;
        this.english = english;
        this.chinese = chinese;
    }

    FieldViolation violation(String rule, String message, String messageZh) {
        return new FieldViolation(jsonName, jsonName + "." + rule, message, messageZh);
    }

    FieldViolation required() {
        return violation("required", english + " is required", "请填写" + chinese);
    }

    FieldViolation control() {
        return violation("control", english + " contains control characters", chinese + "含有不允许的控制字符");
    }

    FieldViolation tooShort(int min) {
        return violation("tooShort", english + " must be at least " + min + " characters",
                chinese + "不能少于" + min + "个字");
    }

    FieldViolation tooLong(int max) {
        return violation("tooLong", english + " must be at most " + max + " characters",
                chinese + "不能超过" + max + "个字");
    }
}
