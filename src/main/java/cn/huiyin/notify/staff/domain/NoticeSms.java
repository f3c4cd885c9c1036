package cn.huiyin.notify.staff.domain;

import java.util.Map;

import cn.huiyin.sla.domain.EscalationStep;

/**
 * A stored notice as the parameters of the staff SMS template. The wording lives in the gateway, as for every SMS
 * (operators register templates, not free text), e.g. {@code 【回音】{step}：诉求{trackingNo}（{clock}时限），详情见 {link}}.
 * Each value is short: the step's and the clock's Chinese names, the 13-digit tracking number, and the full address of
 * the page the recipient's role may open ({@link NoticeLinks}).
 */
public final class NoticeSms {

    private NoticeSms() {
    }

    public static Map<String, String> params(String step, String clock, String trackingNo, String recipientRole,
            String publicBaseUrl) {
        String number = trackingNo.strip();
        return Map.of("step", stepLabel(step), "clock", NoticeWords.clockLabel(clock), "trackingNo", number,
                "link", NoticeCard.address(publicBaseUrl, NoticeLinks.pathFor(recipientRole, number)));
    }

    /** The step's Chinese name; a step this version does not know is shown as it is. */
    static String stepLabel(String step) {
        for (EscalationStep known : EscalationStep.values()) {
            if (known.name().equals(step)) {
                return known.label();
            }
        }
        return step;
    }
}
