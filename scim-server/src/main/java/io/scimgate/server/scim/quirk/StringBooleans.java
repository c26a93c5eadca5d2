package io.scimgate.server.scim.quirk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * Booleans and numbers sent as strings: Entra sends {@code "value":"False"} for {@code active}
 * (IDP-QUIRKS.md §1.2) and OneLogin's admin templates quote whatever they fill in
 * ({@code "active":"{$user.active}"}, IDP-QUIRKS.md §3.3). Where the schema says boolean,
 * {@code "True"}/{@code "False"} in any case become booleans; where it says integer or decimal, a
 * numeric string becomes a number; in POST, PUT and PATCH alike (IDP-QUIRKS.md §10.2).
 */
public final class StringBooleans implements Quirk {

    public static final StringBooleans INSTANCE = new StringBooleans();

    private StringBooleans() {
    }

    /** The boolean or number a string stands for under {@code attribute}'s type, or null when it stands for none. */
    public JsonNode coerce(JsonNode value, Attribute attribute) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.textValue().strip();
        switch (attribute.getType()) {
            case BOOLEAN:
                if (text.equalsIgnoreCase("true")) {
                    return BooleanNode.TRUE;
                }
                return text.equalsIgnoreCase("false") ? BooleanNode.FALSE : null;
            case INTEGER:
            case DECIMAL:
                try {
                    BigDecimal number = new BigDecimal(text);
                    if (attribute.getType() == Attribute.Type.INTEGER && number.stripTrailingZeros().scale() > 0) {
                        return null;
                    }
                    return DecimalNode.valueOf(number);
                } catch (NumberFormatException e) {
                    return null;
                }
            default:
                return null;
        }
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID (without aadOptscim062020), OneLogin templates";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §1.2, §3.3";
    }
}
