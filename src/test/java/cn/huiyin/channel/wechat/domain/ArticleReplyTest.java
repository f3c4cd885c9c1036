package cn.huiyin.channel.wechat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ArticleReplyTest {

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void a_short_answer_is_given_whole_with_its_source_and_the_closing_question() {
        String reply = ArticleReply.of("公司要变更经营范围，需要准备哪些材料？", "准备变更登记申请书、股东会决议和章程修正案。",
                "《市场主体登记管理条例》", "https://www.gov.cn/example");

        assertThat(reply).isEqualTo("【公司要变更经营范围，需要准备哪些材料？】\n准备变更登记申请书、股东会决议和章程修正案。\n"
                + "依据：《市场主体登记管理条例》 https://www.gov.cn/example\n" + ArticleReply.CLOSING);
    }

    @Test
    void a_source_without_a_link_is_named_alone() {
        assertThat(ArticleReply.of("标题", "答案", "区政务服务中心办事指南", null)).contains("\n依据：区政务服务中心办事指南\n");
    }

    @Test
    void a_long_answer_is_cut_to_wechats_limit_keeping_title_source_and_closing() {
        String answer = "经营范围变更须先作出股东会决议，再向登记机关申请变更登记。".repeat(60) + "末尾不会出现";

        String reply = ArticleReply.of("标题", answer, "《市场主体登记管理条例》", "https://www.gov.cn/example");

        assertThat(bytes(reply)).isLessThanOrEqualTo(ArticleReply.LIMIT_BYTES).isGreaterThan(ArticleReply.LIMIT_BYTES - 10);
        assertThat(reply).startsWith("【标题】\n经营范围变更").contains("……\n依据：《市场主体登记管理条例》 https://www.gov.cn/example\n")
                .endsWith(ArticleReply.CLOSING).doesNotContain("末尾不会出现");
    }

    @Test
    void a_cut_never_splits_a_character_outside_the_basic_plane() {
        String answer = "\uD842\uDFB7".repeat(1000); // 𠮷, four bytes in UTF-8, two chars in Java

        String reply = ArticleReply.of("标题", answer, "来源", null);

        assertThat(bytes(reply)).isLessThanOrEqualTo(ArticleReply.LIMIT_BYTES);
        String body = reply.substring("【标题】\n".length(), reply.indexOf("……"));
        assertThat(body.codePoints()).allMatch(cp -> cp == 0x20BB7);
    }
}
