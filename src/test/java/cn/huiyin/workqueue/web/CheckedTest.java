package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a checked field hands on to the services: trimmed text, and an optional field left out as null. */
class CheckedTest {

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = { "已电话联系|已电话联系", "'  已电话联系  '|已电话联系", "'\u3000已电话联系\u3000'|已电话联系",
            "'第一行\n第二行'|'第一行\n第二行'" })
    void text_is_handed_on_without_the_space_around_it(String typed, String handedOn) {
        assertThat(Checked.text(typed)).isEqualTo(handedOn);
        assertThat(Checked.optional(typed)).isEqualTo(handedOn);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = { "NULL", "''", "'   '", "'\u3000'", "'\n\t'" })
    void an_optional_field_left_empty_is_not_given_at_all(String typed) {
        assertThat(Checked.optional(typed)).isNull();
    }
}
