package cn.huiyin.sla.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Text;

/**
 * Reads the official calendar file. It is reference data edited by hand once a year, so every
 * mistake is refused with the line number rather than turned into a wrong deadline. All mistakes are
 * collected (up to {@link #MAX_ERRORS}), so a whole file can be corrected in one go.
 */
public final class WorkCalendarCsv {

    public static final String HEADER = "date,kind,name";

    /** A calendar file is one or two years of notices: a few dozen lines. */
    public static final int MAX_LINES = 2_000;

    /** As stored ({@code work_calendar_day.name}), in characters. */
    public static final int MAX_NAME_LENGTH = 50;

    /** Beyond this many mistakes the file is clearly not a calendar; listing more helps nobody. */
    public static final int MAX_ERRORS = 20;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    // the plain form only: LocalDate.parse alone would take "+10000-01-01" and "-0001-01-01"
    private static final Pattern PLAIN_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private static final int EXCERPT_LENGTH = 60;

    public enum Kind { HOLIDAY, WORKDAY }

    /** One listed day, with its holiday's name (NFC, trimmed). */
    public record Day(LocalDate date, Kind kind, String name) {
    }

    /**
     * The file is not a clean calendar. {@link #errors()} names each mistake by line and column
     * ({@code line[3].date}; {@code body} for the file as a whole); the message tells the first.
     */
    public static final class Invalid extends IllegalArgumentException {

        private final transient List<FieldViolation> errors;
        private final boolean truncated;

        Invalid(String message, List<FieldViolation> errors, boolean truncated) {
            super(message);
            this.errors = List.copyOf(errors);
            this.truncated = truncated;
        }

        public List<FieldViolation> errors() {
            return errors;
        }

        /** Whether reading stopped at {@link #MAX_ERRORS} mistakes, so there may be more. */
        public boolean truncated() {
            return truncated;
        }
    }

    private final List<Day> days = new ArrayList<>();
    private final Map<LocalDate, Integer> holidayLines = new HashMap<>();
    private final Map<LocalDate, Integer> workdayLines = new HashMap<>();
    private final List<FieldViolation> errors = new ArrayList<>();
    private String firstError;
    private boolean headerSeen;
    private boolean stopped;

    private WorkCalendarCsv() {}

    /**
     * Every day the file lists, in file order (a day listed twice with the same kind counts once).
     *
     * @throws Invalid listing the mistakes, if there is any
     */
    public static List<Day> read(Reader csv) {
        Objects.requireNonNull(csv, "csv");
        WorkCalendarCsv parser = new WorkCalendarCsv();
        parser.readAll(new BufferedReader(csv));
        if (!parser.errors.isEmpty()) {
            int more = parser.errors.size() - 1;
            String message = parser.firstError + (more > 0 ? " (and " + more + " more)" : "");
            throw new Invalid(message, parser.errors, parser.errors.size() >= MAX_ERRORS);
        }
        return List.copyOf(parser.days);
    }

    static WorkCalendar parse(Reader csv, List<OfficePeriod> officeHours, ZoneId zone) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(officeHours, "officeHours");
        Objects.requireNonNull(zone, "zone");
        Set<LocalDate> holidays = new TreeSet<>();
        Set<LocalDate> workdays = new TreeSet<>();
        Set<Integer> years = new TreeSet<>();
        for (Day day : read(csv)) {
            (day.kind() == Kind.HOLIDAY ? holidays : workdays).add(day.date());
            years.add(day.date().getYear());
        }
        return new WorkCalendar(holidays, workdays, years, officeHours, zone);
    }

    private void readAll(BufferedReader lines) {
        try {
            int number = 0;
            for (String raw = lines.readLine(); raw != null && !stopped; raw = lines.readLine()) {
                number++;
                if (number > MAX_LINES) {
                    fileError("size", "the file has more than " + MAX_LINES + " lines",
                            "文件超过" + MAX_LINES + "行");
                    return;
                }
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
        if (!headerSeen && !stopped) {
            fileError("header", "work calendar has no header line '" + HEADER + "'", "缺少标题行 " + HEADER);
        }
    }

    private void readLine(int number, String line) {
        if (!headerSeen) {
            if (!line.equals(HEADER)) {
                // without the header the columns mean nothing, so nothing after it is worth reading
                lineError(number, line, "header", "missing", "expected the header '" + HEADER + "'",
                        "应先写标题行 " + HEADER);
                stopped = true;
                return;
            }
            headerSeen = true;
            return;
        }
        // The name is free text for people and may hold commas; only the first two columns are split off.
        String[] fields = line.split(",", 3);
        if (fields.length < 3) {
            lineError(number, line, "columns", "missing", "expected three columns: " + HEADER,
                    "应有三列：" + HEADER);
            return;
        }
        LocalDate date = parseDate(number, line, fields[0].strip());
        Kind kind = parseKind(number, line, fields[1].strip());
        String name = parseName(number, line, fields[2].strip());
        if (date == null || kind == null || name == null) {
            return;
        }
        Map<LocalDate, Integer> same = kind == Kind.HOLIDAY ? holidayLines : workdayLines;
        Map<LocalDate, Integer> other = kind == Kind.HOLIDAY ? workdayLines : holidayLines;
        Integer clash = other.get(date);
        if (clash != null) {
            Kind otherKind = kind == Kind.HOLIDAY ? Kind.WORKDAY : Kind.HOLIDAY;
            lineError(number, line, "date", "conflict",
                    date + " is already listed as " + otherKind + " on line " + clash + "; a day cannot be both",
                    date + " 已在第" + clash + "行列为 " + otherKind + "，同一天不能既是假日又是调休上班日");
            return;
        }
        if (same.putIfAbsent(date, number) == null) {
            days.add(new Day(date, kind, name));
        }
    }

    private LocalDate parseDate(int number, String line, String text) {
        LocalDate date = null;
        if (PLAIN_DATE.matcher(text).matches()) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null) {
            lineError(number, line, "date", "format", "'" + excerpt(text) + "' is not a date like 2025-10-01",
                    "日期应写作 2025-10-01 的格式，且须为真实存在的日期");
            return null;
        }
        if (!WorkCalendar.isSupportedYear(date.getYear())) {
            lineError(number, line, "date", "range",
                    date + " is outside the years " + WorkCalendar.FIRST_YEAR + "–" + WorkCalendar.LAST_YEAR,
                    "日期应在" + WorkCalendar.FIRST_YEAR + "年至" + WorkCalendar.LAST_YEAR + "年之间");
            return null;
        }
        return date;
    }

    private Kind parseKind(int number, String line, String text) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        lineError(number, line, "kind", "unknown", "unknown kind '" + excerpt(text) + "', expected HOLIDAY or WORKDAY",
                "类型应为 HOLIDAY 或 WORKDAY");
        return null;
    }

    private String parseName(int number, String line, String text) {
        // tabs are the one control character the shared text rule lets through (for descriptions); not in a name
        if (Text.flaw(text).isPresent() || text.indexOf('\t') >= 0) {
            lineError(number, line, "name", "control", "the name holds a control character or broken Unicode",
                    "名称含有不允许的控制字符或无效字符");
            return null;
        }
        String name = Text.normalized(text);
        if (name.isEmpty()) {
            lineError(number, line, "name", "required", "the name is missing (e.g. 国庆节)", "名称不能为空（如 国庆节）");
            return null;
        }
        int length = Text.length(name);
        if (length > MAX_NAME_LENGTH) {
            lineError(number, line, "name", "length",
                    "the name has " + length + " characters; at most " + MAX_NAME_LENGTH + " are allowed",
                    "名称不能超过" + MAX_NAME_LENGTH + "个字");
            return null;
        }
        return name;
    }

    private void lineError(int number, String line, String column, String rule, String problem, String problemZh) {
        record(new FieldViolation("line[" + number + "]." + column, column + "." + rule,
                "line " + number + ": " + problem, "第" + number + "行：" + problemZh),
                "work calendar line " + number + " (" + excerpt(line) + "): " + problem);
    }

    private void fileError(String rule, String problem, String problemZh) {
        record(new FieldViolation("body", "body." + rule, problem, problemZh), problem);
    }

    private void record(FieldViolation violation, String message) {
        if (firstError == null) {
            firstError = message;
        }
        errors.add(violation);
        if (errors.size() >= MAX_ERRORS) {
            stopped = true;
        }
    }

    /** Enough of what was written to recognise it, without echoing a huge or unprintable value back. */
    private static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length && i < EXCERPT_LENGTH; i++) {
            int cp = codePoints[i];
            boolean printable = !Character.isISOControl(cp) && Character.getType(cp) != Character.SURROGATE;
            out.appendCodePoint(printable ? cp : '\uFFFD');
        }
        return codePoints.length > EXCERPT_LENGTH ? out.append('…').toString() : out.toString();
    }
}
