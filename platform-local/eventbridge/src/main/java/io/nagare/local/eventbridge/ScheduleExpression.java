package io.nagare.local.eventbridge;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule's {@code rate(...)} or {@code cron(...)} schedule, validated as EventBridge validates it. */
abstract class ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");

    /** The schedule, or EventBridge's ValidationException. */
    static ScheduleExpression parse(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            return Rate.of(rate.group(1), rate.group(2));
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            try {
                return new Cron(CronSchedule.parse(cron.group(1)));
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
        throw invalid();
    }

    /** The first firing strictly after {@code after}; a rate counts whole periods from {@code anchor}. */
    abstract Instant next(Instant anchor, Instant after);

    static RuntimeException invalid() {
        return Params.invalid("Parameter ScheduleExpression is not valid.");
    }

    private static final class Rate extends ScheduleExpression {
        private final Duration period;

        private Rate(Duration period) {
            this.period = period;
        }

        /** AWS: a value of 1 takes the singular unit, larger values the plural. */
        static Rate of(String value, String unit) {
            long amount;
            try {
                amount = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid();
            }
            boolean plural = unit.endsWith("s");
            if (amount < 1 || (amount == 1) == plural) {
                throw invalid();
            }
            Duration one = switch (plural ? unit.substring(0, unit.length() - 1) : unit) {
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Rate(one.multipliedBy(amount));
        }

        @Override
        Instant next(Instant anchor, Instant after) {
            if (after.isBefore(anchor)) {
                return anchor.plus(period);
            }
            long periods = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
            return anchor.plus(period.multipliedBy(periods));
        }
    }

    private static final class Cron extends ScheduleExpression {
        private final CronSchedule schedule;

        Cron(CronSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        Instant next(Instant anchor, Instant after) {
            return schedule.next(after);
        }
    }
}
