package cn.huiyin.workqueue.web;

import java.util.List;
import java.util.Map;

import cn.huiyin.appeal.application.PersonalDataReveals;

/**
 * The reveal form on the appeal page: which masked contact field to show, and why. The purpose is the caller's own
 * words when they typed some, else one of the offered {@link #PURPOSES}; anything else states no purpose, and
 * nothing is revealed without one.
 */
final class RevealForm {

    /** The purposes offered; "other" asks for the purpose in the caller's words. */
    static final List<String> PURPOSES = List.of("回访企业", "核实诉求情况", "电话联系企业办理");

    private static final Map<String, String> LABELS = Map.of("contactName", "联系人姓名", "contactMobile", "联系电话");

    private RevealForm() {
    }

    static boolean knownField(String field) {
        return field != null && PersonalDataReveals.FIELDS.contains(field);
    }

    /** The purpose stated, or null when none is. */
    static String purpose(String chosen, String inOwnWords) {
        if (inOwnWords != null && !inOwnWords.isBlank()) {
            return inOwnWords;
        }
        return chosen != null && PURPOSES.contains(chosen) ? chosen : null;
    }

    /** The field's name on the page. */
    static String label(String field) {
        return LABELS.get(field);
    }
}
