package cn.huiyin.metrics.domain;

import java.time.LocalDate;

/** One daily rollup row: appeals received on {@code day}, held by {@code unit}, from {@code street}, in {@code category}. */
public record CellKey(LocalDate day, String unit, String street, String category) {

    /** The empty string stands for "none" (not dispatched yet, enterprise without a street, no category). */
    public static final String NONE = "";
}
