package cn.huiyin.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class QueryCodesTest {

    private final QueryCodes codes = new QueryCodes("a-secret-of-sufficient-length");

    @Test
    void the_same_tracking_number_always_gets_the_same_readable_code() {
        String code = codes.codeFor("2611250000013");
        assertThat(code).matches("[2-9A-HJKMNP-Z]{8}").isEqualTo(codes.codeFor("2611250000013"));
        assertThat(codes.codeFor("2611250000028")).isNotEqualTo(code);
    }

    @Test
    void a_code_matches_whatever_its_case_and_spaces_but_not_another_appeal_or_secret() {
        String code = codes.codeFor("2611250000013");
        assertThat(codes.matches("2611250000013", " " + code.toLowerCase() + " ")).isTrue();
        assertThat(codes.matches("2611250000028", code)).isFalse();
        assertThat(new QueryCodes("another-secret-of-enough-length").matches("2611250000013", code)).isFalse();
        assertThat(codes.matches("2611250000013", null)).isFalse();
    }

    @Test
    void codes_are_frozen_and_the_same_on_every_thread() throws Exception {
        // issued codes are printed on receipts: the derivation must never change
        assertThat(codes.codeFor("2611250000013")).isEqualTo("NA9GGJET");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> fromThreads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fromThreads.add(threads.submit(() -> codes.codeFor("2611250000028")));
            }
            for (Future<String> code : fromThreads) {
                assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo("WJC8TX6B");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> new QueryCodes("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
