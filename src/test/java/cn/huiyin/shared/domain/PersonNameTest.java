package cn.huiyin.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {

    @ParameterizedTest
    @CsvSource({ "张三, 张*", "欧阳娜娜, 欧***", "王, 王*", "' 李小明 ', 李**", "Alexander Wang, A***", "𠀀明, 𠀀*" })
    void shows_only_the_first_character(String name, String masked) {
        assertThat(PersonName.masked(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(value = { "NULL", "''", "'  '" }, nullValues = "NULL")
    void leaves_absent_names_absent(String name) {
        assertThat(PersonName.masked(name)).isEqualTo(name);
    }
}
