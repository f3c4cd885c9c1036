package cn.huiyin.shared.domain;

/** Channels without a title field (phone, WeChat) let the start of the text stand in for one. */
public final class Titles {

    private static final int LENGTH = 30;

    private Titles() {
    }

    public static String fromText(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        int points = flat.codePointCount(0, flat.length());
        if (points <= LENGTH) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, LENGTH)) + "…";
    }
}
