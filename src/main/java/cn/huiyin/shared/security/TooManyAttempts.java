package cn.huiyin.shared.security;

import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;

/** 429: too many wrong guesses of a secret; {@code field} names what was guessed. */
public class TooManyAttempts extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyAttempts(String field, long retryAfterSeconds) {
        super(Problem.of(429, "too-many-attempts", "Too many attempts",
                "Too many wrong attempts; try again in " + retryAfterSeconds + " seconds").withField(field));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The value of the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What the pages say instead. */
    public String messageZh() {
        return "尝试次数过多，请" + GuessWindow.minutes(retryAfterSeconds) + "分钟后再试";
    }
}
