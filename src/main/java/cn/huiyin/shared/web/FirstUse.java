package cn.huiyin.shared.web;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value read at its first use and kept. The HTTP filters are built before runtime configuration exists, so they
 * cannot take their settings at construction; looking them up on every request costs a bean lookup each time.
 */
final class FirstUse<T> {

    private final Supplier<T> read;
    private volatile T value;

    FirstUse(Supplier<T> read) {
        this.read = Objects.requireNonNull(read, "read");
    }

    T get() {
        T known = value;
        if (known == null) {
            known = Objects.requireNonNull(read.get(), "value");
            value = known; // two first uses at once both read the same configuration: either may win
        }
        return known;
    }
}
