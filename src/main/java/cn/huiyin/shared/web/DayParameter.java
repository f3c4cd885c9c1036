package cn.huiyin.shared.web;

import java.time.LocalDate;

import cn.huiyin.shared.domain.Timestamps;

/** A day asked for in a query parameter, such as a period's {@code from} or {@code to}. */
public final class DayParameter {

    private DayParameter() {
    }

    /** The day typed, {@code otherwise} when nothing is; a {@code 400} naming the parameter when it is no day. */
    public static LocalDate read(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return Timestamps.day(value).orElseThrow(() -> ProblemException.badRequest(field,
                field + " is a date in years 1-9999, e.g. 2026-10-01"));
    }
}
