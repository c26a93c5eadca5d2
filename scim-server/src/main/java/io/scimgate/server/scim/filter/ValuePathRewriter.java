package io.scimgate.server.scim.filter;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.apache.directory.scim.spec.filter.FilterLexer;

/**
 * Rewrites {@code attr[inner].sub op value} (and {@code attr[inner].sub pr}) into the RFC 7644 form
 * {@code attr[(inner) and sub op value]}, working on lexer tokens so that brackets inside quoted
 * values are left alone.
 */
final class ValuePathRewriter {

    private ValuePathRewriter() {
    }

    static String rewrite(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int close = matchingClose(tokens, i);
            int end = close < 0 ? -1 : trailingComparisonEnd(tokens, close);
            if (end < 0) {
                out.append(tokens.get(i).getText());
                i++;
                continue;
            }
            // tokens[i] is '[', tokens[close] is ']', tokens[close+2 .. end] is "sub op value"
            out.append('[').append('(');
            out.append(rewrite(tokens.subList(i + 1, close)));
            out.append(") and ");
            for (int k = close + 2; k <= end; k++) {
                out.append(tokens.get(k).getText());
            }
            out.append(']');
            i = end + 1;
        }
        return out.toString();
    }

    /** If tokens[open] is '[', the index of its ']', else -1. */
    private static int matchingClose(List<Token> tokens, int open) {
        if (!tokens.get(open).getText().equals("[")) {
            return -1;
        }
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            String text = tokens.get(k).getText();
            if (text.equals("[")) {
                depth++;
            } else if (text.equals("]") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the last token of ".sub op value" or ".sub pr" after tokens[close], else -1. */
    private static int trailingComparisonEnd(List<Token> tokens, int close) {
        int dot = close + 1;
        if (!is(tokens, dot, FilterLexer.DEC_PT) || !is(tokens, dot + 1, FilterLexer.AttributeName)
                || !is(tokens, dot + 2, FilterLexer.SP)) {
            return -1;
        }
        if (is(tokens, dot + 3, FilterLexer.PresentOp)) {
            return dot + 3;
        }
        if (is(tokens, dot + 3, FilterLexer.CompareOp) && is(tokens, dot + 4, FilterLexer.SP)
                && is(tokens, dot + 5, FilterLexer.CompValue)) {
            return dot + 5;
        }
        return -1;
    }

    private static boolean is(List<Token> tokens, int index, int type) {
        return index < tokens.size() && tokens.get(index).getType() == type;
    }
}
