package io.scimgate.server.scim.filter;

import io.scimgate.server.scim.ScimProblem;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.ValuePathExpression;

/**
 * A filter's quoted values read as the JSON strings RFC 7644 §3.4.2.2 makes them. SCIMple M1's lexer
 * refuses every character outside ASCII and JSON's Unicode escape (a backslash, {@code u} and four
 * hexadecimal digits), so {@code displayName eq "José"}
 * could not be parsed (SCIMple issues 564 and 981). Each quoted value is decoded here and handed to
 * SCIMple's parser as a placeholder of the same length where possible ({@code "0"}, {@code "1__"}),
 * so that positions in its error messages still point into the filter as written; the parsed
 * comparisons then get the decoded values back.
 */
final class StringLiterals {

    private final String text;
    private final List<String> values;
    private final List<String> placeholders;
    private final List<String> written;

    private StringLiterals(String text, List<String> values, List<String> placeholders, List<String> written) {
        this.text = text;
        this.values = values;
        this.placeholders = placeholders;
        this.written = written;
    }

    /** The filter with every non-empty quoted value replaced by its placeholder. */
    String text() {
        return text;
    }

    /**
     * Decodes the quoted values of {@code filter}. A quote left open is left to the parser to report;
     * an escape JSON does not have, or a control character not escaped, is invalidFilter.
     */
    static StringLiterals extract(String filter) {
        StringBuilder out = new StringBuilder(filter.length());
        List<String> values = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        List<String> written = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int end = closingQuote(filter, i + 1);
            if (end < 0) {
                out.append(filter, i, filter.length());
                break;
            }
            if (end == i + 1) {
                out.append("\"\"");
            } else {
                String index = Integer.toString(values.size());
                values.add(decode(filter, i + 1, end));
                String placeholder = '"' + index + "_".repeat(Math.max(0, end - i - 1 - index.length())) + '"';
                placeholders.add(placeholder);
                written.add(filter.substring(i, end + 1));
                out.append(placeholder);
            }
            i = end + 1;
        }
        return new StringLiterals(out.toString(), values, placeholders, written);
    }

    private static int closingQuote(String filter, int from) {
        for (int i = from; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String filter, int from, int to) {
        StringBuilder value = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = filter.charAt(i);
            if (c < 0x20) {
                throw ScimProblem.invalidFilter("A quoted value holds a control character at position " + (i + 1)
                        + "; write it as a JSON escape");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escape = filter.charAt(++i);
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (i + 4 >= to) {
                        throw ScimProblem.invalidFilter("\\u at position " + i + " needs four hexadecimal digits");
                    }
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = Character.digit(filter.charAt(i + k), 16);
                        if (digit < 0) {
                            throw ScimProblem.invalidFilter("\\u at position " + i + " needs four hexadecimal digits");
                        }
                        code = code * 16 + digit;
                    }
                    value.append((char) code);
                    i += 4;
                }
                default -> throw ScimProblem.invalidFilter("'\\" + escape + "' at position " + i
                        + " is not a JSON escape");
            }
        }
        return value.toString();
    }

    /** {@code message} of the parser with the quoted values as written in place of their placeholders. */
    String unmask(String message) {
        String unmasked = message;
        for (int k = placeholders.size() - 1; k >= 0; k--) {
            unmasked = unmasked.replace(placeholders.get(k), written.get(k));
        }
        return unmasked;
    }

    /** {@code expression} with the decoded values in place of the placeholders. */
    FilterExpression restore(FilterExpression expression) {
        if (values.isEmpty() || expression == null) {
            return expression;
        }
        if (expression instanceof LogicalExpression logical) {
            return new LogicalExpression(restore(logical.getLeft()), logical.getOperator(), restore(logical.getRight()));
        }
        if (expression instanceof GroupExpression group) {
            return new GroupExpression(group.isNot(), restore(group.getFilterExpression()));
        }
        if (expression instanceof ValuePathExpression valuePath) {
            return new ValuePathExpression(valuePath.getAttributePath(), restore(valuePath.getAttributeExpression()));
        }
        if (expression instanceof AttributeComparisonExpression comparison
                && comparison.getCompareValue() instanceof String placeholder && !placeholder.isEmpty()) {
            return new AttributeComparisonExpression(comparison.getAttributePath(), comparison.getOperation(),
                    values.get(Integer.parseInt(placeholder.replace("_", ""))));
        }
        return expression;
    }
}
