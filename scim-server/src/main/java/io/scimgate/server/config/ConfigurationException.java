package io.scimgate.server.config;

import java.util.List;

/** The configuration cannot be used; the message lists every problem, each naming its key and where it was set. */
public final class ConfigurationException extends IllegalArgumentException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(problems.size() == 1 ? "Invalid configuration: " + problems.get(0)
                : "Invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
