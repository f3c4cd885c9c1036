package cn.huiyin.channel.web;

import cn.huiyin.intake.domain.AppealDraft;

/** The JSON body of {@code POST /api/v1/appeals}. Every field is checked by {@code WebDraftPolicy}. */
public record AppealSubmissionRequest(String uscc, String enterpriseName, String contactName, String contactMobile,
        String category, String appealType, Boolean urgent, String title, String description, Boolean consent) {

    public AppealDraft toDraft() {
        return new AppealDraft(uscc, enterpriseName, contactName, contactMobile, category, appealType, urgent, title,
                description, consent);
    }
}
