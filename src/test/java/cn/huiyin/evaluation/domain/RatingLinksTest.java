package cn.huiyin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signed rating links: one appeal, one round, an expiry, and nothing stored that would let anyone rate. */
class RatingLinksTest {

    private static final RatingLinks LINKS = new RatingLinks("a-test-secret-of-enough-length");
    private static final Instant EXPIRES = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void rating_links_are_bound_to_appeal_and_round_and_expire() {
        RatingLinks links = new RatingLinks("a-test-secret-of-enough-length");
        Instant expires = Instant.parse("2026-12-01T00:00:00Z");
        String token = links.token("1234567890123", 2, expires);

        assertThat(links.check(token, expires.minusSeconds(1)))
                .isEqualTo(new RatingLinks.Valid("1234567890123", 2, expires));
        assertThat(links.check(token, expires)).isInstanceOf(RatingLinks.Expired.class);
        assertThat(links.check(token.replace("-2-", "-3-"), expires.minusSeconds(1))).isInstanceOf(RatingLinks.Forged.class);
        assertThat(links.check(token.replace("1234567890123", "1234567890124"), expires.minusSeconds(1)))
                .isInstanceOf(RatingLinks.Forged.class);
        String laterExpiry = token.replace("-" + expires.getEpochSecond() + "-", "-" + (expires.getEpochSecond() + 86400) + "-");
        assertThat(links.check(laterExpiry, expires)).isInstanceOf(RatingLinks.Forged.class);
        assertThat(new RatingLinks("another-secret-of-enough-length").check(token, expires.minusSeconds(1)))
                .isInstanceOf(RatingLinks.Forged.class);
        assertThat(links.check("<script>", expires)).isInstanceOf(RatingLinks.Forged.class);
        assertThat(links.check(null, expires)).isInstanceOf(RatingLinks.Forged.class);
    }

    @Test
    void the_same_appeal_round_and_expiry_always_make_the_same_link() {
        // the SMS, the WeChat message and the lookup page carry the very same link
        String token = LINKS.token("2612070000013", 1, EXPIRES);
        assertThat(LINKS.token("2612070000013", 1, EXPIRES)).isEqualTo(token);
        assertThat(new RatingLinks("a-test-secret-of-enough-length").token("2612070000013", 1, EXPIRES)).isEqualTo(token);
        assertThat(token).matches("2612070000013-1-" + EXPIRES.getEpochSecond() + "-[A-Za-z0-9_-]{22}");
    }

    @Test
    void an_expired_link_still_says_which_appeal_and_round_it_was_for() {
        String token = LINKS.token("2612070000013", 3, EXPIRES);
        assertThat(LINKS.check(token, EXPIRES.plusSeconds(86_400))).isEqualTo(new RatingLinks.Expired("2612070000013", 3));
    }

    @Test
    void a_link_whose_signature_was_tampered_with_is_forged() {
        String token = LINKS.token("2612070000013", 1, EXPIRES);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(LINKS.check(tampered, EXPIRES.minusSeconds(60))).isInstanceOf(RatingLinks.Forged.class);
        assertThat(LINKS.check(token + "A", EXPIRES.minusSeconds(60))).isInstanceOf(RatingLinks.Forged.class);
        assertThat(LINKS.check(" " + token, EXPIRES.minusSeconds(60))).isInstanceOf(RatingLinks.Forged.class);
    }

    @Test
    void a_secret_shorter_than_sixteen_characters_is_refused_at_start() {
        assertThatThrownBy(() -> new RatingLinks("fifteen-chars!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatingLinks(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RatingLinks("sixteen-chars!!!").token("2612070000013", 1, EXPIRES)).isNotBlank();
    }

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(nullValues = "NULL", value = {
            "2612070000013-1-1764547200-AAAAAAAAAAAAAAAAAAAAAA, 2612070000013",
            "2612070000013-anything, 2612070000013",
            "2612070000013-, 2612070000013",
            "2612070000013, NULL",
            "261207000001-1-1764547200-AAAAAAAAAAAAAAAAAAAAAA, NULL",
            "26120700000a3-1, NULL",
            "'<script>', NULL",
            "NULL, NULL" })
    void a_token_names_the_appeal_it_claims_to_be_for_signed_or_not(String token, String claimed) {
        assertThat(RatingLinks.claimedTrackingNo(token)).isEqualTo(claimed);
    }
}
