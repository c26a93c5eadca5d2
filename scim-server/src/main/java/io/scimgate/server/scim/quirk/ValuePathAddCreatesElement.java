package io.scimgate.server.scim.quirk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;

/**
 * {@code add} or {@code replace} through a value path that matches nothing:
 * {@code {"op":"Add","path":"emails[type eq \"work\"].value","value":"ana@corp.example"}} on a user
 * without a work email. Entra expects the element to be created (IDP-QUIRKS.md §1.6), where RFC 7644
 * §3.5.2.3 would answer {@code 400 noTarget}: scimgate creates it from the filter's {@code eq} terms
 * (IDP-QUIRKS.md §10.4). A filter that is not {@code eq} terms joined by {@code and} says nothing to
 * create, and stays {@code noTarget}.
 */
public final class ValuePathAddCreatesElement implements Quirk {

    public static final ValuePathAddCreatesElement INSTANCE = new ValuePathAddCreatesElement();

    private ValuePathAddCreatesElement() {
    }

    /** The element the filter's equality terms describe, or null when the filter is not such terms. */
    public ObjectNode elementOf(FilterExpression filter) {
        ObjectNode element = JsonNodeFactory.instance.objectNode();
        return equalityTerms(filter, element) ? element : null;
    }

    private static boolean equalityTerms(FilterExpression filter, ObjectNode element) {
        if (filter instanceof GroupExpression group && !group.isNot()) {
            return equalityTerms(group.getFilterExpression(), element);
        }
        if (filter instanceof LogicalExpression logical && logical.getOperator() == LogicalOperator.AND) {
            return equalityTerms(logical.getLeft(), element) && equalityTerms(logical.getRight(), element);
        }
        if (filter instanceof AttributeComparisonExpression comparison && comparison.getOperation() == CompareOperator.EQ
                && comparison.getCompareValue() != null) {
            Object value = comparison.getCompareValue();
            String name = comparison.getAttributePath().getSubAttributeName();
            if (value instanceof Boolean bool) {
                element.put(name, bool);
            } else if (value instanceof Number number) {
                element.put(name, number.toString());
            } else {
                element.put(name, String.valueOf(value));
            }
            return true;
        }
        return false;
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §1.6";
    }
}
