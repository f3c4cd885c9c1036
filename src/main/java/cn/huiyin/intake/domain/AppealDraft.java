package cn.huiyin.intake.domain;

/**
 * A web submission exactly as it arrived, before any checking: every field may be missing or wrong.
 * Component names are the JSON field names.
 */
public record AppealDraft(
        String uscc,
        String enterpriseName,
        String contactName,
        String contactMobile,
        String category,
        String appealType,
        Boolean urgent,
        String title,
        String description,
        Boolean consent) {}
