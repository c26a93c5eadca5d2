package io.scimgate.server.scim.filter;

import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.TrailingValuePathComparison;
import io.scimgate.server.scim.quirk.UnquotedFilterValues;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTreeWalker;
import org.apache.directory.scim.spec.filter.ExpressionBuildingListener;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.FilterLexer;
import org.apache.directory.scim.spec.filter.FilterParser;

/**
 * Parses a SCIM filter with SCIMple's grammar, after checking the input limits once at this
 * boundary. Filters as clients write them are read with the directory's quirks first: bare values
 * are quoted ({@link UnquotedFilterValues}), and Entra's {@code emails[type eq "work"].value eq "x"}
 * ({@link TrailingValuePathComparison}), which SCIMple M1 reads as {@code emails[type eq "work"]},
 * matching every user with a work email, is rewritten to the RFC form
 * {@code emails[(type eq "work") and value eq "x"]}. A URN's {@code urn:} is read in any case
 * (RFC 8141); SCIMple's lexer knows it in lower case only. Quoted values are JSON strings, in any
 * script and with every JSON escape ({@link StringLiterals}). Two SCIMple M1 defects are corrected
 * after parsing: its grammar ignores whatever follows the first complete expression, and it reads
 * {@code and}/{@code or} left to right, which {@link LogicPrecedence} regroups.
 */
public final class ScimFilterParser {

    public static final int MAX_LENGTH = 2048;
    public static final int MAX_DEPTH = 10;

    private ScimFilterParser() {
    }

    /** The parsed filter, read with the quirks of the current request's directory; null when {@code text} is blank. */
    public static FilterExpression parse(String text) {
        return parse(text, ScimRequest.quirks());
    }

    /** The parsed filter, or null when {@code text} is null or blank. */
    public static FilterExpression parse(String text, Quirks quirks) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimProblem.invalidFilter("A filter has at most " + MAX_LENGTH + " characters; this one has " + text.length());
        }
        String written = lowerCaseUrnSchemes(text.strip());
        if (quirks.has(UnquotedFilterValues.class)) {
            written = UnquotedFilterValues.INSTANCE.quote(written);
        }
        StringLiterals literals = StringLiterals.extract(written);
        written = literals.text();
        List<Token> tokens = tokens(written, literals);
        checkDepth(tokens);
        String rewritten = quirks.has(TrailingValuePathComparison.class) ? ValuePathRewriter.rewrite(tokens) : written;
        FilterParser parser = new FilterParser(new CommonTokenStream(lexer(rewritten)));
        parser.removeErrorListeners();
        parser.addErrorListener(FAIL);
        try {
            FilterParser.FilterContext tree = parser.filter();
            Token next = parser.getCurrentToken();
            if (next.getType() != Token.EOF) {
                throw ScimProblem.invalidFilter("The filter cannot be parsed: unexpected '" + literals.unmask(next.getText())
                        + "' at position " + (next.getCharPositionInLine() + 1));
            }
            ExpressionBuildingListener builder = new ExpressionBuildingListener();
            ParseTreeWalker.DEFAULT.walk(builder, tree);
            return LogicPrecedence.apply(literals.restore(builder.getFilterExpression()));
        } catch (SyntaxError e) {
            throw ScimProblem.invalidFilter("The filter cannot be parsed: " + literals.unmask(e.getMessage()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ScimProblem.invalidFilter("The filter cannot be parsed: '" + text + "'");
        }
    }

    /** {@code URN:…} and {@code Urn:…} outside quoted values, with the scheme in lower case. */
    private static String lowerCaseUrnSchemes(String text) {
        StringBuilder out = new StringBuilder(text);
        boolean quoted = false;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if ((i == 0 || " ([".indexOf(out.charAt(i - 1)) >= 0) && out.length() >= i + 4
                    && out.substring(i, i + 4).equalsIgnoreCase("urn:")) {
                out.replace(i, i + 4, "urn:");
            }
        }
        return out.toString();
    }

    private static List<Token> tokens(String text, StringLiterals literals) {
        try {
            return new ArrayList<>(lexer(text).getAllTokens());
        } catch (SyntaxError e) {
            throw ScimProblem.invalidFilter("The filter cannot be parsed: " + literals.unmask(e.getMessage()));
        }
    }

    private static FilterLexer lexer(String text) {
        FilterLexer lexer = new FilterLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(FAIL);
        return lexer;
    }

    private static void checkDepth(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            String text = token.getText();
            if (text.equals("(") || text.equals("[")) {
                depth++;
                if (depth > MAX_DEPTH) {
                    throw ScimProblem.invalidFilter("A filter nests at most " + MAX_DEPTH + " levels of parentheses and brackets");
                }
            } else if (text.equals(")") || text.equals("]")) {
                depth--;
            }
        }
    }

    private static final BaseErrorListener FAIL = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int position,
                String message, RecognitionException e) {
            throw new SyntaxError("at position " + (position + 1) + ": " + message);
        }
    };

    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
