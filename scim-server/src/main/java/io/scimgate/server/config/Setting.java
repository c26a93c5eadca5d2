package io.scimgate.server.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration setting: its environment variable ({@code SCIMGATE_DB_URL}), its key in the
 * configuration file ({@code db.url}), its default, and how its text becomes a value. A setting is
 * declared once, as a constant, with everything about it; nothing else has to change to add one.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    static final String PREFIX = "SCIMGATE_";

    /** Turns the trimmed, non-blank text of a setting into its value; throws with a message that says what is wanted. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    private final String variable;
    private final T fallback;
    private final Parser<T> parser;
    private final boolean secret;
    private final String meaning;

    private Setting(String variable, T fallback, Parser<T> parser, boolean secret, String meaning) {
        if (!variable.startsWith(PREFIX) || !variable.equals(variable.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("A setting's variable is SCIMGATE_ and upper case: " + variable);
        }
        this.variable = variable;
        this.fallback = fallback;
        this.parser = Objects.requireNonNull(parser);
        this.secret = secret;
        this.meaning = meaning;
    }

    /** A setting parsed by {@code parser}; {@code fallback} (may be null: "not set") when it is not given. */
    public static <T> Setting<T> of(String variable, T fallback, Parser<T> parser, String meaning) {
        return new Setting<>(variable, fallback, parser, false, meaning);
    }

    public static Setting<String> text(String variable, String fallback, String meaning) {
        return of(variable, fallback, text -> text, meaning);
    }

    public static Setting<Integer> integer(String variable, int fallback, int min, int max, String meaning) {
        return of(variable, fallback, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, not '" + text + "'");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(max == Integer.MAX_VALUE ? "must be at least " + min + ", not " + text
                        : "must be between " + min + " and " + max + ", not " + text);
            }
            return value;
        }, meaning);
    }

    /** A positive duration: ISO-8601 ({@code PT30S}, {@code P7D}) or a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 12h}, {@code 7d}). */
    public static Setting<Duration> duration(String variable, Duration fallback, String meaning) {
        return of(variable, fallback, Setting::parseDuration, meaning);
    }

    /** An absolute http or https URL, without a trailing slash. */
    public static Setting<URI> url(String variable, URI fallback, String meaning) {
        return of(variable, fallback, Setting::parseHttpUrl, meaning);
    }

    /** A file that must exist and be readable when the server starts. */
    public static Setting<Path> readableFile(String variable, String meaning) {
        return of(variable, null, text -> {
            Path path = Path.of(text);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException("must name a readable file, and " + path.toAbsolutePath() + " is not one");
            }
            return path;
        }, meaning);
    }

    /** The same setting, never shown in logs or error messages (passwords, tokens, keys). */
    public Setting<T> secret() {
        return new Setting<>(variable, fallback, parser, true, meaning);
    }

    /** The environment variable, e.g. {@code SCIMGATE_DB_URL}. */
    public String variable() {
        return variable;
    }

    /** The key in the configuration file: the variable without {@code SCIMGATE_}, lower case, dots for underscores ({@code db.url}). */
    public String fileKey() {
        return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public T fallback() {
        return fallback;
    }

    public boolean isSecret() {
        return secret;
    }

    public String meaning() {
        return meaning;
    }

    T parse(String text) {
        return parser.parse(text);
    }

    /** How the value shows in logs: secrets only say whether they are set. */
    String show(Object value) {
        if (secret) {
            return value == null ? "none" : "(set)";
        }
        return String.valueOf(value);
    }

    /** Every {@code public static final Setting} constant of {@code holder}, in declaration order. */
    public static List<Setting<?>> declaredIn(Class<?> holder) {
        List<Setting<?>> settings = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == Setting.class && Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)
                    && Modifier.isFinal(modifiers)) {
                try {
                    settings.add((Setting<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(settings);
    }

    static Duration parseDuration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Duration parsed;
        try {
            if (lower.startsWith("p")) {
                parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
            } else if (lower.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).trim()));
            } else {
                long amount = Long.parseLong(lower.substring(0, lower.length() - 1).trim());
                parsed = switch (lower.charAt(lower.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("must be a duration such as 30s, 5m, 12h, 7d or ISO-8601 PT30S, not '" + text + "'");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("must be positive, not " + text);
        }
        return parsed;
    }

    static URI parseHttpUrl(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = new URI(trimmed);
            if (uri.isAbsolute() && (uri.getScheme().equals("https") || uri.getScheme().equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the text
        }
        throw new IllegalArgumentException("must be an http(s) URL, not '" + text + "'");
    }

    @Override
    public String toString() {
        return variable;
    }
}
