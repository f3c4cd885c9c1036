package cn.huiyin.hotspot.domain;

import java.time.Instant;

/**
 * An appeal as the hot-spot grouping reads it.
 *
 * @param category   its catalogue category; null while nobody has placed it
 * @param street     the street (属地) of the enterprise or of the place the text names; null when not known
 * @param enterprise who filed it (the USCC, else the enterprise's name); null when the filer is not identified
 */
public record CandidateAppeal(long id, String title, String content, String category, String street, String enterprise,
        Instant receivedAt) {
}
