package cn.huiyin.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void readsAnIsoInstantWithOrWithoutAnOffset() {
        assertThat(Timestamps.parse("2026-12-08T02:00:00Z")).contains(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(Timestamps.parse("2026-12-08T10:00:00+08:00")).contains(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(Timestamps.parse("0001-01-01T00:00:00Z")).contains(Timestamps.EARLIEST);
        assertThat(Timestamps.parse("9999-12-31T23:59:59.999999Z")).contains(Timestamps.LATEST);
    }

    @Test
    void refusesYearsTheDatabaseCannotStore() {
        assertThat(Timestamps.parse("+999999-01-01T00:00:00Z")).isEmpty();
        assertThat(Timestamps.parse("+10000-01-01T00:00:00Z")).isEmpty();
        assertThat(Timestamps.parse("-0001-12-31T00:00:00Z")).isEmpty();
    }

    @Test
    void readsDaysAndMonthsInYearsOneToNineThousandNineHundredNinetyNine() {
        assertThat(Timestamps.day(" 2026-10-01 ")).contains(LocalDate.of(2026, 10, 1));
        assertThat(Timestamps.day("9999-12-31")).contains(LocalDate.of(9999, 12, 31));
        assertThat(Timestamps.day("-5000-01-01")).isEmpty();
        assertThat(Timestamps.day("+300000-01-01")).isEmpty();
        assertThat(Timestamps.day("2026-13-01")).isEmpty();
        assertThat(Timestamps.day(null)).isEmpty();
        assertThat(Timestamps.month("2026-10")).contains(YearMonth.of(2026, 10));
        assertThat(Timestamps.month("-5000-01")).isEmpty();
        assertThat(Timestamps.month("April")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnInstant() {
        assertThat(Timestamps.parse(null)).isEmpty();
        assertThat(Timestamps.parse("")).isEmpty();
        assertThat(Timestamps.parse("2026-12-08")).isEmpty();
        assertThat(Timestamps.parse("2026-12-08T02:00:00Z'; DROP TABLE appeal; --")).isEmpty();
    }
}
