package io.nagare.local.eventbridge;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * EventBridge's six-field cron, in UTC: minutes, hours, day-of-month, month, day-of-week, year. Day-of-month takes
 * {@code ? L LW nW}, day-of-week {@code ? nL n#k} (1 is Sunday); exactly one of the two day fields is {@code ?}.
 */
final class CronSchedule {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** How far ahead a schedule is searched; AWS's years end at 2199. */
    private static final int MAX_YEAR = 2199;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final Predicate<LocalDate> day;

    private CronSchedule(BitSet minutes, BitSet hours, BitSet months, BitSet years, Predicate<LocalDate> day) {
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.day = day;
    }

    /** Parses the inside of {@code cron(...)}; IllegalArgumentException when it is not valid. */
    static CronSchedule parse(String fields) {
        String[] parts = fields.trim().split(" +");
        if (parts.length != 6) {
            throw new IllegalArgumentException("cron needs 6 fields");
        }
        boolean domAny = parts[2].equals("?");
        boolean dowAny = parts[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be ?");
        }
        BitSet minutes = values(parts[0], 0, 59, List.of());
        BitSet hours = values(parts[1], 0, 23, List.of());
        BitSet months = values(parts[3], 1, 12, MONTHS);
        BitSet years = values(parts[5], 1970, MAX_YEAR, List.of());
        Predicate<LocalDate> day = domAny ? dayOfWeek(parts[4]) : dayOfMonth(parts[2]);
        return new CronSchedule(minutes, hours, months, years, day);
    }

    /** The first minute strictly after {@code after} that the schedule selects, or null when there is none. */
    Instant next(Instant after) {
        LocalDateTime start = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        for (LocalDate date = start.toLocalDate(); date.getYear() <= MAX_YEAR; date = date.plusDays(1)) {
            if (!years.get(date.getYear()) || !months.get(date.getMonthValue()) || !day.test(date)) {
                continue;
            }
            boolean firstDay = date.equals(start.toLocalDate());
            for (int hour = hours.nextSetBit(firstDay ? start.getHour() : 0); hour >= 0;
                 hour = hours.nextSetBit(hour + 1)) {
                boolean firstHour = firstDay && hour == start.getHour();
                int minute = minutes.nextSetBit(firstHour ? start.getMinute() : 0);
                if (minute >= 0) {
                    return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
                }
            }
        }
        return null;
    }

    private static Predicate<LocalDate> dayOfMonth(String field) {
        if (field.equals("L")) {
            return date -> date.getDayOfMonth() == date.lengthOfMonth();
        }
        if (field.equals("LW")) {
            return date -> date.equals(nearestWeekday(date.withDayOfMonth(date.lengthOfMonth())));
        }
        if (field.endsWith("W")) {
            int target = number(field.substring(0, field.length() - 1), 1, 31);
            return date -> target <= date.lengthOfMonth()
                    && date.equals(nearestWeekday(date.withDayOfMonth(target)));
        }
        BitSet days = values(field, 1, 31, List.of());
        return date -> days.get(date.getDayOfMonth());
    }

    private static Predicate<LocalDate> dayOfWeek(String field) {
        if (field.matches("[1-7A-Z]+L")) {
            int weekday = dayNumber(field.substring(0, field.length() - 1));
            return date -> cronDay(date) == weekday && date.plusWeeks(1).getMonth() != date.getMonth();
        }
        if (field.contains("#")) {
            String[] parts = field.split("#", 2);
            int weekday = dayNumber(parts[0]);
            int nth = number(parts[1], 1, 5);
            return date -> cronDay(date) == weekday && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        BitSet days = values(field, 1, 7, DAYS);
        return date -> days.get(cronDay(date));
    }

    /** A list of {@code *}, {@code a}, {@code a-b}, each optionally {@code /step}. */
    private static BitSet values(String field, int min, int max, List<String> names) {
        BitSet set = new BitSet(max + 1);
        for (String item : field.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), 1, max);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", 2);
                from = value(bounds[0], min, max, names);
                to = value(bounds[1], min, max, names);
                if (to < from) {
                    throw new IllegalArgumentException("descending range " + range);
                }
            } else {
                from = value(range, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(String text, int min, int max, List<String> names) {
        int named = names.indexOf(text);
        return named >= 0 ? named + 1 : number(text, min, max);
    }

    private static int number(String text, int min, int max) {
        if (!text.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("not a number: " + text);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + "-" + max);
        }
        return value;
    }

    private static int dayNumber(String text) {
        int named = DAYS.indexOf(text);
        return named >= 0 ? named + 1 : number(text, 1, 7);
    }

    /** Cron numbers days 1 (Sunday) to 7 (Saturday). */
    private static int cronDay(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }

    /** The weekday nearest to {@code date} within its month (Saturday moves to Friday, Sunday to Monday). */
    private static LocalDate nearestWeekday(LocalDate date) {
        DayOfWeek weekday = date.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) {
            return date.getDayOfMonth() > 1 ? date.minusDays(1) : date.plusDays(2);
        }
        if (weekday == DayOfWeek.SUNDAY) {
            return date.getDayOfMonth() < date.lengthOfMonth() ? date.plusDays(1)
                    : date.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        }
        return date;
    }
}
