package cn.huiyin.sla.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the official calendar file. It is reference data edited by hand once a year, so every
 * mistake is refused with the line number rather than turned into a wrong deadline.
 */
final class WorkCalendarCsv {

    static final String HEADER = "date,kind,name";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private enum Kind { HOLIDAY, WORKDAY }

    private final Map<LocalDate, Integer> holidayLines = new HashMap<>();
    private final Map<LocalDate, Integer> workdayLines = new HashMap<>();
    private final Set<Integer> years = new TreeSet<>();
    private boolean headerSeen;

    private WorkCalendarCsv() {}

    static WorkCalendar parse(Reader csv, List<OfficePeriod> officeHours, ZoneId zone) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(officeHours, "officeHours");
        Objects.requireNonNull(zone, "zone");
        WorkCalendarCsv parser = new WorkCalendarCsv();
        parser.readAll(new BufferedReader(csv));
        return new WorkCalendar(parser.holidayLines.keySet(), parser.workdayLines.keySet(), parser.years,
                officeHours, zone);
    }

    private void readAll(BufferedReader lines) {
        try {
            int number = 0;
            for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
                number++;
                String line = (number == 1 && !raw.isEmpty() && raw.charAt(0) == BYTE_ORDER_MARK)
                        ? raw.substring(1).strip()
                        : raw.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    readLine(number, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the work calendar", e);
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("work calendar has no header line '" + HEADER + "'");
        }
    }

    private void readLine(int number, String line) {
        if (!headerSeen) {
            if (!line.equals(HEADER)) {
                throw lineError(number, line, "expected the header '" + HEADER + "'");
            }
            headerSeen = true;
            return;
        }
        // The name is free text for people; only the first two columns mean anything here.
        String[] fields = line.split(",", 3);
        if (fields.length < 3) {
            throw lineError(number, line, "expected three columns: " + HEADER);
        }
        LocalDate date = parseDate(number, line, fields[0].strip());
        Kind kind = parseKind(number, line, fields[1].strip());
        Map<LocalDate, Integer> same = kind == Kind.HOLIDAY ? holidayLines : workdayLines;
        Map<LocalDate, Integer> other = kind == Kind.HOLIDAY ? workdayLines : holidayLines;
        Integer clash = other.get(date);
        if (clash != null) {
            Kind otherKind = kind == Kind.HOLIDAY ? Kind.WORKDAY : Kind.HOLIDAY;
            throw lineError(number, line,
                    date + " is already listed as " + otherKind + " on line " + clash + "; a day cannot be both");
        }
        same.putIfAbsent(date, number);
        years.add(date.getYear());
    }

    private static LocalDate parseDate(int number, String line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw lineError(number, line, "'" + text + "' is not a date like 2025-10-01");
        }
    }

    private static Kind parseKind(int number, String line, String text) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        throw lineError(number, line, "unknown kind '" + text + "', expected HOLIDAY or WORKDAY");
    }

    private static IllegalArgumentException lineError(int number, String line, String problem) {
        return new IllegalArgumentException("work calendar line " + number + " (" + line + "): " + problem);
    }
}
