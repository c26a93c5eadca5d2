package io.scimgate.server.scim.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimestampsTest {

    private static String expected(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @Test
    void writesWhatTheIsoOffsetFormatterWritesAtUtc() {
        for (String text : new String[] {"2026-11-30T18:39:47Z", "2026-11-30T18:39:47.100Z", "2026-11-30T18:39:47.120Z",
                "2026-11-30T18:39:47.123456Z", "2026-11-30T18:39:47.000000001Z", "2026-11-30T00:00:00Z",
                "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.5Z"}) {
            Instant instant = Instant.parse(text);
            assertEquals(expected(instant), UtcTimestamps.format(instant), text);
        }
    }

    @Test
    void writesEveryRandomInstantOfYearsZeroToNineThousandNineHundredNinetyNineAsTheFormatterDoes() {
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        SplittableRandom random = new SplittableRandom(10);
        for (int i = 0; i < 200_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nano);
            assertEquals(expected(instant), UtcTimestamps.format(instant));
        }
    }

    @Test
    void yearsOutsideFourDigitsGoThroughTheFormatter() {
        for (String text : new String[] {"-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00.25Z"}) {
            Instant instant = Instant.parse(text);
            assertEquals(expected(instant), UtcTimestamps.format(instant), text);
        }
    }

    @Test
    void aTimeWithoutOffsetIsWrittenAsUtc() {
        LocalDateTime time = LocalDateTime.parse("2026-11-30T18:39:47.25");
        assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)), UtcTimestamps.format(time));
    }
}
