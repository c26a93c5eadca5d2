package io.scimgate.server.scim.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code meta} timestamps of SCIM documents: {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} at
 * UTC ({@code 2026-11-30T18:39:47.12Z}: the fraction without trailing zeros, none when whole),
 * written directly for years 0000–9999, because the general formatter cost every resource read a
 * few percent of its CPU. Other years go through the formatter itself.
 */
public final class UtcTimestamps {

    private UtcTimestamps() {
    }

    public static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        return format(time);
    }

    /** A time without offset, taken as UTC. */
    public static String format(LocalDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
        }
        char[] text = new char[30];
        int at = digits(text, 0, year, 4);
        text[at++] = '-';
        at = digits(text, at, time.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, time.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, time.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, time.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, time.getSecond(), 2);
        int nano = time.getNano();
        if (nano > 0) {
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            text[at++] = '.';
            at = digits(text, at, nano, width);
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    /** Writes {@code value} in exactly {@code width} decimal digits, zero-padded on the left. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
