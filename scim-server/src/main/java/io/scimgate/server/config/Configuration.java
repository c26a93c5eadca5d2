package io.scimgate.server.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Values of a set of {@link Setting}s, each taken from the environment, else from the
 * configuration file, else its default; validated all at once, so that one start reports every
 * bad key. Unknown keys in the file are errors (a typo would otherwise silently keep a default);
 * unknown {@code SCIMGATE_} variables are only warnings, since an environment is shared.
 */
public final class Configuration {

    private final Map<Setting<?>, Object> values;
    private final List<String> warnings;

    private Configuration(Map<Setting<?>, Object> values, List<String> warnings) {
        this.values = values;
        this.warnings = warnings;
    }

    public static Configuration resolve(List<Setting<?>> settings, ConfigurationFile file, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        Map<String, Setting<?>> byFileKey = new LinkedHashMap<>();
        Map<String, Setting<?>> byVariable = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            byFileKey.put(setting.fileKey(), setting);
            byVariable.put(setting.variable(), setting);
        }
        for (String key : new TreeSet<>(file.entries().keySet())) {
            if (!byFileKey.containsKey(key)) {
                Setting<?> meant = byVariable.get(key);
                problems.add(key + " (in " + file.describe() + "): unknown key"
                        + (meant != null ? "; in the file it is written " + meant.fileKey() : "; known keys: "
                                + String.join(", ", byFileKey.keySet())));
            }
        }
        for (Setting<?> setting : settings) {
            String fromEnvironment = environment.get(setting.variable());
            String fromFile = file.entries().get(setting.fileKey());
            boolean inEnvironment = fromEnvironment != null && !fromEnvironment.isBlank();
            String text = inEnvironment ? fromEnvironment : fromFile;
            if (text == null || text.isBlank()) {
                values.put(setting, setting.fallback());
                continue;
            }
            try {
                values.put(setting, setting.parse(text.trim()));
            } catch (IllegalArgumentException e) {
                String where = inEnvironment ? setting.variable() + " (environment)"
                        : setting.fileKey() + " (in " + file.describe() + ")";
                problems.add(where + ": " + (setting.isSecret() ? withoutValue(e.getMessage(), text) : e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        Set<String> known = byVariable.keySet();
        List<String> warnings = environment.keySet().stream()
                .filter(name -> name.startsWith(Setting.PREFIX) && !known.contains(name) && !name.equals(ConfigurationFile.VARIABLE)
                        && !name.startsWith(Setting.PREFIX + "TEST_"))
                .sorted()
                .map(name -> name + " is set but is not a scimgate setting; it is ignored")
                .collect(Collectors.toList());
        return new Configuration(Collections.unmodifiableMap(values), List.copyOf(warnings));
    }

    /** A problem message about a secret never carries the secret, whatever the parser wrote. */
    private static String withoutValue(String message, String secretText) {
        return message.replace(secretText.trim(), "(the value)");
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException(setting.variable() + " is not a setting of this configuration");
        }
        return (T) values.get(setting);
    }

    public <T> Configuration with(Setting<T> setting, T value) {
        get(setting);
        Map<Setting<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(setting, value);
        return new Configuration(Collections.unmodifiableMap(changed), warnings);
    }

    /** Settings that were given but mean nothing (misspelt variables). */
    public List<String> warnings() {
        return warnings;
    }

    /** Every setting with its value, secrets shown only as set or not: safe to log. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(entry -> entry.getKey().variable() + "=" + entry.getKey().show(entry.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
