package cn.huiyin.evaluation.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.evaluation.domain.Satisfaction;
import cn.huiyin.evaluation.domain.VisitFinding;

/**
 * The return-visit form as the browser sends it: whether the enterprise was reached ("yes"/"no"), and only then
 * whether it finds the matter resolved and, optionally, how satisfied it is; a note of at most 500 characters.
 * Every field at fault is named in the page's words, not only the first.
 */
final class VisitForm {

    /** The finding, or (null) the fields refused and why. */
    record Read(VisitFinding finding, Map<String, String> errors) {
    }

    private VisitForm() {
    }

    static Read read(String reached, String resolved, String level, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        Boolean wasReached = yesNo(reached);
        Boolean wasResolved = yesNo(resolved);
        Satisfaction heard = null;
        if (wasReached == null) {
            errors.put("reached", "请选择是否联系上企业");
        }
        if (resolved != null && !resolved.isBlank() && wasResolved == null) {
            errors.put("resolved", "请选择企业是否认为问题已解决");
        }
        if (level != null && !level.isBlank()) {
            heard = level.strip().matches("[1-5]") ? Satisfaction.of(Integer.parseInt(level.strip())).orElseThrow() : null;
            if (heard == null) {
                errors.put("level", "满意度须为1（非常不满意）至5（非常满意）");
            }
        }
        if (Boolean.FALSE.equals(wasReached) && (wasResolved != null || heard != null)) {
            errors.put("reached", "未联系上企业时，不填写是否解决和满意度");
        }
        if (Boolean.TRUE.equals(wasReached) && wasResolved == null) {
            errors.putIfAbsent("resolved", "联系上企业时，请选择企业是否认为问题已解决");
        }
        String text = EvaluationPageReplies.text(errors, "note", note, 0, "回访记录须为500字以内，且不含控制字符");
        if (!errors.isEmpty()) {
            return new Read(null, errors);
        }
        VisitFinding finding = wasReached ? new VisitFinding(true, wasResolved, heard, text)
                : new VisitFinding(false, null, null, text);
        return new Read(finding, Map.of());
    }

    /** The radio buttons' "yes"/"no"; null for anything else. */
    private static Boolean yesNo(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }
}
