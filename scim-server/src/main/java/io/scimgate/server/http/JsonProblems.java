package io.scimgate.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a request body in terms of the JSON the client sent, not of our classes,
 * and without echoing what the client sent: a body that fails to parse is often one with a token,
 * password or key pasted in unquoted, and the answer (and the provisioning log, which keeps it) must
 * not repeat it.
 */
public final class JsonProblems {

    /** What Jackson quotes of the input: an unrecognized token, a number out of range. */
    private static final Pattern ECHOED_INPUT = Pattern.compile("^(Unrecognized token) '[^']*'|(Numeric value) \\([^)]*\\)");

    private JsonProblems() {
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "The request body is beyond what a SCIM document needs (nesting depth, or the length of a number"
                    + " or string)";
        }
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
            return "The request body is not valid JSON" + where + ": " + withoutInput(firstLine(parse.getOriginalMessage()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String path = path(mismatch);
            return path.isEmpty()
                    ? "The request body must be a JSON object"
                    : "Attribute '" + path + "' has a value of the wrong type";
        }
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        return path.isEmpty() ? "The request body cannot be read" : "Attribute '" + path + "' cannot be read";
    }

    private static String withoutInput(String message) {
        return ECHOED_INPUT.matcher(message).replaceAll(match -> match.group(1) != null ? match.group(1) : match.group(2));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The first line of a parser's message, without its note on where the source is (which names parser settings). */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int source = line.indexOf(" at [Source");
        line = source < 0 ? line : line.substring(0, source);
        return line.replaceAll("\\(StreamReadFeature[^)]*\\)", "").replace("REDACTED", "").strip();
    }
}
