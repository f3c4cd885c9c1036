package cn.huiyin.knowledge.domain;

import java.util.List;

/**
 * Whether a text asks someone to act (请帮忙协调, 请督促, 帮忙催一下, 要求核实) rather than asks to be told something. A
 * complaint that names a matter an article explains can score like a question about it; answering it with that
 * article as if sure would leave the problem with nobody, since a channel files no appeal for an answered text. The
 * index therefore holds such texts to their own bar ({@link RetrievalSettings#actionFloor()}), which the tuning data
 * set at "never": they get suggestions only.
 *
 * <p>The cues were chosen on the tuning data (docs/knowledge.md, "Texts that ask someone to act"): a plea with 请 is
 * by far the strongest; words that say how long or how often something failed (一直没, 至今, 多次, 被退回) and the
 * words 投诉 and 举报 stand as often in questions (一直没报年报怎么办, 去哪里投诉) and were measured to cost more
 * right answers than they save, so they are not cues.
 */
public final class ActionRequest {

    /** Words that urge or demand action without 请; each stands in tuning complaints and in no tuning question. */
    static final List<String> URGINGS = List.of("督促", "催办", "催一下", "帮忙催", "尽快处理", "尽快办理", "要求核实",
            "要求查处");

    /** Words in which 请 is no plea: to apply, invite, ask a question, take leave, or hire someone. */
    static final List<String> NOT_A_PLEA = List.of("申请", "邀请", "聘请", "请问", "请教", "请假", "请病假", "请不起",
            "请中介", "请律师");

    /** After 请 (and one of {@link #COURTESIES}), these ask to be told, which an article can do: 请告知…, 请予解答…. */
    static final List<String> TELL_ME = List.of("告知", "告诉", "解答", "指导", "介绍", "看看", "看下", "看一下");

    static final List<String> COURTESIES = List.of("帮忙", "帮我", "予以", "予", "您", "协助");

    private ActionRequest() {
    }

    /** Whether {@code text} asks someone to act; read after the index's normalisation (traditional script alike). */
    public static boolean in(String text) {
        String plain = QueryText.normalise(text, false);
        return plea(plain) || URGINGS.stream().anyMatch(plain::contains);
    }

    /** A 请 that is not part of a {@link #NOT_A_PLEA} word and does not ask to be told. */
    static boolean plea(String plain) {
        for (int at = plain.indexOf('请'); at >= 0; at = plain.indexOf('请', at + 1)) {
            if (!insideNotAPlea(plain, at) && !asksToBeTold(plain.substring(at + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideNotAPlea(String plain, int at) {
        for (String word : NOT_A_PLEA) {
            int start = at - word.indexOf('请');
            if (start >= 0 && plain.startsWith(word, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asksToBeTold(String afterPlea) {
        String rest = afterPlea;
        for (String courtesy : COURTESIES) {
            if (rest.startsWith(courtesy)) {
                rest = rest.substring(courtesy.length());
                break;
            }
        }
        String asked = rest;
        return TELL_ME.stream().anyMatch(asked::startsWith);
    }
}
