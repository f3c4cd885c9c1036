package cn.huiyin.sla.domain;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The official calendar shipped in {@code src/main/resources}, and a deliberately naive reading of
 * its raw rows so tests generated from the file do not lean on the parser they are testing.
 */
final class ReferenceCalendar {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    record Row(LocalDate date, String kind) {}

    /** A run of consecutive HOLIDAY dates, as a person reads the notice: "10-01 to 10-08 off". */
    record Block(LocalDate first, LocalDate last) {
        @Override
        public String toString() {
            return first + ".." + last;
        }
    }

    private static WorkCalendar loaded;
    private static List<Row> rows;

    private ReferenceCalendar() {}

    static synchronized WorkCalendar calendar() {
        if (loaded == null) {
            try (Reader csv = new InputStreamReader(open(), UTF_8)) {
                loaded = WorkCalendar.parseCsv(csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    static synchronized List<Row> rows() {
        if (rows == null) {
            List<Row> read = new ArrayList<>();
            try (InputStream in = open()) {
                for (String line : new String(in.readAllBytes(), UTF_8).split("\n")) {
                    String[] fields = line.strip().split(",");
                    if (fields.length == 3 && fields[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
                        read.add(new Row(LocalDate.parse(fields[0]), fields[1]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows = List.copyOf(read);
        }
        return rows;
    }

    static List<Block> holidayBlocks() {
        List<Block> blocks = new ArrayList<>();
        for (Row row : rows()) {
            if (!row.kind().equals("HOLIDAY")) {
                continue;
            }
            Block previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (previous != null && previous.last().plusDays(1).equals(row.date())) {
                blocks.set(blocks.size() - 1, new Block(previous.first(), row.date()));
            } else {
                blocks.add(new Block(row.date(), row.date()));
            }
        }
        return blocks;
    }

    /** The rule read straight off the raw rows, independent of {@link WorkCalendar}. */
    static boolean naiveIsWorkingDay(LocalDate day) {
        for (Row row : rows()) {
            if (row.date().equals(day)) {
                return row.kind().equals("WORKDAY");
            }
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    static LocalDate naiveWorkingDayBefore(LocalDate day) {
        LocalDate candidate = day.minusDays(1);
        while (!naiveIsWorkingDay(candidate)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    static LocalDate naiveWorkingDayAfter(LocalDate day) {
        LocalDate candidate = day.plusDays(1);
        while (!naiveIsWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** A wall-clock time in Shanghai, written the way the tables below read. */
    static Instant shanghai(String localDateTime) {
        return shanghai(LocalDateTime.parse(localDateTime));
    }

    static Instant shanghai(LocalDateTime localDateTime) {
        return localDateTime.atZone(SHANGHAI).toInstant();
    }

    private static InputStream open() {
        InputStream in = ReferenceCalendar.class.getResourceAsStream("/" + WorkCalendar.REFERENCE_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(WorkCalendar.REFERENCE_RESOURCE + " is not on the test classpath");
        }
        return in;
    }
}
