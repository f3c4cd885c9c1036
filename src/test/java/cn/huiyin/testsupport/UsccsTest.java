package cn.huiyin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.shared.domain.Uscc;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UsccsTest {

    @Test
    void randomCodesAreValidAndDoNotRepeat() {
        var codes = IntStream.range(0, 10_000).mapToObj(i -> Usccs.random()).toList();

        assertThat(codes).allSatisfy(code -> assertThat(Uscc.parse(code)).map(Uscc::value).contains(code));
        assertThat(codes).doesNotHaveDuplicates();
    }
}
