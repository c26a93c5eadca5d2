package io.scimgate.core.directory.query;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The value a filter compares an attribute with, typed as the filter wrote it. A value is read as
 * the attribute's kind: a string attribute compares with the value's text, a boolean with
 * {@code true}/{@code false} (or their text), a date-time with an RFC 3339 date-time (or its text).
 */
public sealed interface FilterValue {

    /** {@code null}: only {@code eq null} (no value) and {@code ne null} (a value) compare with it. */
    FilterValue NULL = new Null();

    static FilterValue of(String text) {
        return new Text(text);
    }

    static FilterValue of(boolean value) {
        return new Bool(value);
    }

    record Null() implements FilterValue {
    }

    record Text(String text) implements FilterValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    record Bool(boolean value) implements FilterValue {
    }

    record Number(BigDecimal value) implements FilterValue {
        public Number {
            Objects.requireNonNull(value, "value");
        }
    }

    record DateTime(OffsetDateTime value) implements FilterValue {
        public DateTime {
            Objects.requireNonNull(value, "value");
        }
    }
}
