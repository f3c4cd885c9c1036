package cn.huiyin.sla.domain;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days the district works and when its offices are open. Mainland China moves working days
 * around its public holidays every year, so the week alone is not enough: a HOLIDAY is never a
 * working day, a WORKDAY (调休上班, a weekend day worked to make up for a bridge) always is, and any
 * other day is a working day from Monday to Friday. Holidays are announced one year at a time; a year
 * that is not loaded falls back to the plain Mon–Fri week and callers are told (see {@link Deadline}).
 */
public final class WorkCalendar {

    /** The district's own time zone: a day is a working day in Shanghai, not in UTC. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** 09:00–12:00 and 14:00–18:00, the usual hours of a district government office. */
    public static final List<OfficePeriod> DEFAULT_OFFICE_HOURS = List.of(
            new OfficePeriod(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new OfficePeriod(LocalTime.of(14, 0), LocalTime.of(18, 0)));

    /** Where the official calendar sits on the classpath. */
    public static final String REFERENCE_RESOURCE = "reference/cn-work-calendar.csv";

    /**
     * The years a calendar may list. Notices are published a year ahead; a date far outside is a typo, and one
     * beyond what the database driver reads back (years past 9999 or before 1) would stop every deadline.
     */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final int SUPPORTED_DAYS = (int) (LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());

    private final SortedSet<LocalDate> holidays;
    private final SortedSet<LocalDate> workdays;
    private final SortedSet<Integer> loadedYears;
    private final List<OfficePeriod> officeHours;
    private final ZoneId zone;
    /**
     * For each day of the supported years, how many working days come before it: whether a day is worked is one
     * array read, and how many days of a span are worked one subtraction (the risk job asks for every open clock).
     */
    private final int[] workingDaysBefore = new int[SUPPORTED_DAYS + 1];

    /**
     * @param loadedYears the years whose holidays and make-up days are all known; every listed date
     *     must fall in one of them, otherwise the Mon–Fri fallback would silently contradict the list
     * @param officeHours in order, not overlapping, at least one
     */
    public WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays, Set<Integer> loadedYears,
            List<OfficePeriod> officeHours, ZoneId zone) {
        this.holidays = sortedCopy(Objects.requireNonNull(holidays, "holidays"));
        this.workdays = sortedCopy(Objects.requireNonNull(workdays, "workdays"));
        this.loadedYears = sortedCopy(Objects.requireNonNull(loadedYears, "loadedYears"));
        this.officeHours = List.copyOf(Objects.requireNonNull(officeHours, "officeHours"));
        this.zone = Objects.requireNonNull(zone, "zone");
        requireDisjoint(this.holidays, this.workdays);
        requireLoaded(this.holidays, this.loadedYears);
        requireLoaded(this.workdays, this.loadedYears);
        requireOrderedAndSeparate(this.officeHours);
        LocalDate day = FIRST_DAY;
        for (int i = 0; i < SUPPORTED_DAYS; i++, day = day.plusDays(1)) {
            workingDaysBefore[i + 1] = workingDaysBefore[i] + (worked(day) ? 1 : 0);
        }
    }

    /**
     * Reads the calendar file format ({@code date,kind,name}; lines starting with {@code #} are
     * comments; rules in {@link WorkCalendarCsv}). A year counts as loaded when the file lists at least
     * one date in it. The reader is not closed: whoever opened it closes it.
     *
     * @throws IllegalArgumentException naming the line, for anything that is not a clean calendar
     */
    public static WorkCalendar parseCsv(Reader csv, List<OfficePeriod> officeHours, ZoneId zone) {
        return WorkCalendarCsv.parse(csv, officeHours, zone);
    }

    /** Same, with the default office hours in Shanghai. */
    public static WorkCalendar parseCsv(Reader csv) {
        return parseCsv(csv, DEFAULT_OFFICE_HOURS, DEFAULT_ZONE);
    }

    public static boolean isSupportedYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        int index = indexOf(day);
        return index >= 0 ? workingDaysBefore[index + 1] > workingDaysBefore[index] : worked(day);
    }

    /** How many working days {@code [from, until)} holds (none when {@code until} is not after {@code from}). */
    public long workingDaysBetween(LocalDate from, LocalDate until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            return 0;
        }
        int first = indexOf(from);
        int last = indexOf(until.minusDays(1));
        if (first >= 0 && last >= 0) {
            return workingDaysBefore[last + 1] - workingDaysBefore[first];
        }
        long worked = 0;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            worked += isWorkingDay(day) ? 1 : 0;
        }
        return worked;
    }

    /** The day's place among the supported years' days, or -1 outside them. */
    private static int indexOf(LocalDate day) {
        long index = day.toEpochDay() - FIRST_DAY.toEpochDay();
        return index >= 0 && index < SUPPORTED_DAYS ? (int) index : -1;
    }

    private boolean worked(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        if (workdays.contains(day)) {
            return true;
        }
        // Unloaded years have no entries (the constructor makes sure), so they land here too.
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public boolean isLoaded(int year) {
        return loadedYears.contains(year);
    }

    public SortedSet<LocalDate> holidays() {
        return holidays;
    }

    public SortedSet<LocalDate> workdays() {
        return workdays;
    }

    public SortedSet<Integer> loadedYears() {
        return loadedYears;
    }

    public List<OfficePeriod> officeHours() {
        return officeHours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** When the office closes for the day: the end of the last office period. */
    public LocalTime closingTime() {
        return officeHours.get(officeHours.size() - 1).end();
    }

    @Override
    public String toString() {
        return "WorkCalendar[years=" + loadedYears + ", holidays=" + holidays.size() + ", workdays="
                + workdays.size() + ", officeHours=" + officeHours + ", zone=" + zone + "]";
    }

    private static <T extends Comparable<? super T>> SortedSet<T> sortedCopy(Set<T> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    private static void requireDisjoint(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("a day cannot be both a holiday and a workday: " + new TreeSet<>(both));
        }
    }

    private static void requireLoaded(Set<LocalDate> days, Set<Integer> loadedYears) {
        for (LocalDate day : days) {
            if (!loadedYears.contains(day.getYear())) {
                throw new IllegalArgumentException(day + " is listed but its year is not marked as loaded");
            }
        }
    }

    private static void requireOrderedAndSeparate(List<OfficePeriod> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one office period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("office periods must be in order and must not overlap: " + periods);
            }
        }
    }
}
