package io.scimgate.server.scim.quirk;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Filter values without quotes, as some clients and client libraries write them:
 * {@code userName sw O}, {@code name.familyName eq Employee},
 * {@code meta.created gt 2015-10-10T14:38:21.8617979-07:00}. RFC 7644 §3.4.2.2 quotes strings;
 * scimgate quotes a bare word that is not {@code true}, {@code false}, {@code null} or a number,
 * before the filter is parsed (IDP-QUIRKS.md §10.9).
 */
public final class UnquotedFilterValues implements Quirk {

    public static final UnquotedFilterValues INSTANCE = new UnquotedFilterValues();

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
    private static final Set<String> LITERALS = Set.of("true", "false", "null");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private UnquotedFilterValues() {
    }

    /** {@code filter} with every bare comparison value quoted; quoted strings are left as they are. */
    public String quote(String filter) {
        StringBuilder out = new StringBuilder(filter.length() + 8);
        int i = 0;
        String previousWord = null;
        String wordBefore = null;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '"') {
                int end = endOfString(filter, i);
                out.append(filter, i, end);
                i = end;
                wordBefore = previousWord;
                previousWord = "\"";
                continue;
            }
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']') {
                out.append(c);
                i++;
                if (c != ' ' && !Character.isWhitespace(c)) {
                    wordBefore = previousWord;
                    previousWord = String.valueOf(c);
                }
                continue;
            }
            int end = i;
            while (end < filter.length() && !Character.isWhitespace(filter.charAt(end)) && "()[]\"".indexOf(filter.charAt(end)) < 0) {
                end++;
            }
            String word = filter.substring(i, end);
            boolean isValue = previousWord != null && OPERATORS.contains(previousWord.toLowerCase(Locale.ROOT))
                    && wordBefore != null && !OPERATORS.contains(wordBefore.toLowerCase(Locale.ROOT));
            if (isValue && !LITERALS.contains(word.toLowerCase(Locale.ROOT)) && !NUMBER.matcher(word).matches()) {
                out.append('"').append(word.replace("\\", "\\\\")).append('"');
            } else {
                out.append(word);
            }
            i = end;
            wordBefore = previousWord;
            previousWord = word;
        }
        return out.toString();
    }

    private static int endOfString(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return text.length();
    }

    @Override
    public String clients() {
        return "SCIM client libraries and test suites that write values bare";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §10.9";
    }
}
