package cn.huiyin.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the demo sign-in may send a browser afterwards: a path on this site, or home. */
class DemoLoginTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/desk/phone", "/workqueue?unit=TAX&after=5", "/leader/metrics#top", "/a/./b",
            "/%E4%B8%AD", "/a-b_c~d!$&'()*+,;=:@"})
    void aPathOnThisSiteIsKept(String to) {
        assertThat(DemoLoginPage.localTarget(to)).hasToString(to);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example", "//evil.example/desk", "/\\evil.example", "/\\/evil.example",
            "\\\\evil.example", "https://evil.example", "javascript:alert(1)", "evil.example", "desk/phone",
            "/desk\r\nSet-Cookie: x=1", "/desk\nx", "/desk\rx", "/desk phone", "/desk\tphone", "/desk\u0000",
            "/desk\u007F", "/中文", "/desk\\phone", "/a|b", "/a<b>", "/%zz", "/a{b}", "/a\"b", "/a^b", "/a`b"})
    void anythingElseGoesHome(String to) {
        assertThat(DemoLoginPage.localTarget(to)).hasToString("/");
    }

    @Test
    void aTargetIsAtMost512Characters() {
        String at = "/" + "a".repeat(DemoLoginPage.MAX_TARGET_LENGTH - 1);

        assertThat(DemoLoginPage.localTarget(at)).hasToString(at);
        assertThat(DemoLoginPage.localTarget(at + "a")).hasToString("/");
    }
}
