package cn.huiyin.shared.domain;

/**
 * Damm's check digit: one digit that catches every single-digit error and every swap of two
 * neighbouring digits, the two mistakes people make when reading a number aloud or typing it.
 */
final class DammCheckDigit {

    /** Damm's totally anti-symmetric quasigroup of order 10 (zeros on the diagonal). */
    private static final int[][] TABLE = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    private DammCheckDigit() {}

    /** The digit to append to {@code digits} (ASCII digits only). */
    static char compute(CharSequence digits) {
        return (char) ('0' + interim(digits));
    }

    /** True when the last digit of {@code digitsWithCheck} is the right check digit for the rest. */
    static boolean isValid(CharSequence digitsWithCheck) {
        return digitsWithCheck.length() > 0 && interim(digitsWithCheck) == 0;
    }

    private static int interim(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: '" + c + "'");
            }
            interim = TABLE[interim][c - '0'];
        }
        return interim;
    }
}
