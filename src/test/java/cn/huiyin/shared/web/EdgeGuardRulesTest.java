package cn.huiyin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeGuardRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/appeals/2611250000510", "/appeals/%E6%9F%A5%E8%AF%A2", "/a%2Fb" })
    void acceptsOrdinaryPaths(String path) {
        assertThat(EdgeGuard.uriFlaw(path, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/cti/token;x=1", "/a%00b", "/a%zz", "/a%", "/a%3Bb", "/a\u0000b", "/a%1b" })
    void refusesParametersControlCharactersAndMalformedEscapesInPaths(String path) {
        assertThat(EdgeGuard.uriFlaw(path, true)).isNotNull();
    }

    @Test
    void aQueryMayHoldSemicolonsButNoControlCharacters() {
        assertThat(EdgeGuard.uriFlaw("a=1;2&b=%E4%B8%80", false)).isNull();
        assertThat(EdgeGuard.uriFlaw("a=%00", false)).isNotNull();
        assertThat(EdgeGuard.uriFlaw("a=%zz", false)).isNotNull();
    }

    @Test
    void knowsWhichBodiesAreText() {
        assertThat(EdgeGuard.isTextual(EdgeGuard.mediaType("application/json; charset=UTF-8"))).isTrue();
        assertThat(EdgeGuard.isTextual(EdgeGuard.mediaType("Text/CSV"))).isTrue();
        assertThat(EdgeGuard.isTextual(EdgeGuard.mediaType("application/problem+json"))).isTrue();
        assertThat(EdgeGuard.isTextual(EdgeGuard.mediaType("application/octet-stream"))).isFalse();
    }

    @Test
    void locationsMoveToThePublicAddressOrStayRelative() {
        assertThat(PublicLocations.publicUri("https://huiyin.example.gov.cn/svc", URI.create("http://evil.example/workqueue/1?x=2")))
                .hasToString("https://huiyin.example.gov.cn/svc/workqueue/1?x=2");
        assertThat(PublicLocations.publicUri("", URI.create("http://evil.example:8080/api/v1/appeals/1")))
                .hasToString("/api/v1/appeals/1");
    }

    @Test
    void browsersGetPagesAndClientsGetProblems() {
        assertThat(EdgePages.wantsHtml("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue();
        assertThat(EdgePages.wantsHtml("application/json, text/html")).isFalse();
        assertThat(EdgePages.wantsHtml("*/*")).isFalse();
        assertThat(EdgePages.wantsHtml(null)).isFalse();
        assertThat(EdgePages.error(Problem.of(413, "x", "x", "<b>"))).contains("过长").contains("&lt;b&gt;");
    }
}
