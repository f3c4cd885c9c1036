package cn.huiyin.testsupport;

import cn.huiyin.shared.domain.Uscc;
import java.util.concurrent.ThreadLocalRandom;

/** Valid, practically unique unified social credit codes, so that test data never collides. */
public final class Usccs {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    // an enterprise (9 = market regulator, 1 = company) registered in Tianhe district (440106)
    private static final String PREFIX = "91440106";

    private Usccs() {}

    /** A random valid code; 31^9 possible bodies make repeats practically impossible. */
    public static String random() {
        var random = ThreadLocalRandom.current();
        var first17 = new StringBuilder(PREFIX);
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return first17.toString() + Uscc.checkCharacter(first17.toString());
    }
}
