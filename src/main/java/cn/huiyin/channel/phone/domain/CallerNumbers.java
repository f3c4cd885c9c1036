package cn.huiyin.channel.phone.domain;

import java.util.regex.Pattern;

/**
 * Phone numbers as a PBX or a person writes them, brought to one form so that they can be compared: the block
 * list, and a call-back task closed by a later outbound call to the same number, both depend on it.
 */
public final class CallerNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000()\\-]");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    // a national number without its trunk 0: 2- or 3-digit area code plus subscriber, a mobile, or 400/800
    private static final Pattern NATIONAL_NUMBER = Pattern.compile("\\d{10,11}");
    private static final Pattern NON_GEOGRAPHIC = Pattern.compile("(400|800)\\d{7}");

    private CallerNumbers() {}

    /**
     * {@code +86 20 1234-5678}, {@code 8620 12345678} and {@code 020-12345678} all become
     * {@code 02012345678}; {@code +86 138 0013 8000} becomes {@code 13800138000}. Anything that is not a
     * number ("anonymous") only loses its spaces and hyphens.
     */
    public static String comparable(String raw) {
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        if (compact.startsWith("+86")) {
            return domestic(compact.substring(3));
        }
        if (compact.startsWith("0086")) {
            return domestic(compact.substring(4));
        }
        // bare 86 only before a whole national number: no domestic number is 12-13 digits starting 86
        if (compact.startsWith("86") && NATIONAL_NUMBER.matcher(compact.substring(2)).matches()) {
            return domestic(compact.substring(2));
        }
        return compact;
    }

    /** {@code 138****8000}, or all stars for anything too short to show part of. */
    public static String masked(String number) {
        if (number == null) {
            return null;
        }
        return number.length() < 8 ? "****" : number.substring(0, 3) + "****" + number.substring(number.length() - 4);
    }

    // dialled from abroad, an area code loses its trunk 0 (+86 20 … is 020 …); mobiles and 400/800 have none
    private static String domestic(String national) {
        if (national.isEmpty() || national.startsWith("0") || MAINLAND_MOBILE.matcher(national).matches()
                || NON_GEOGRAPHIC.matcher(national).matches()) {
            return national;
        }
        return "0" + national;
    }
}
