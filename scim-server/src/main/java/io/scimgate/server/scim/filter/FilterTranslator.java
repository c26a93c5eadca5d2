package io.scimgate.server.scim.filter;

import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.directory.query.AttributeCatalogue;
import io.scimgate.core.directory.query.AttributeKind;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Filter;
import io.scimgate.core.directory.query.FilterValue;
import io.scimgate.core.directory.query.Operator;
import io.scimgate.core.directory.query.QueryableAttribute;
import io.scimgate.core.directory.query.Sort;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.endpoint.ListRequest;
import io.scimgate.server.scim.json.StorableText;
import io.scimgate.server.scim.schema.SchemaPath;
import io.scimgate.server.scim.schema.SchemaPaths;
import io.scimgate.server.scim.schema.UnknownPath;
import java.math.BigDecimal;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.SortOrder;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * Turns a parsed SCIM filter (RFC 7644 §3.4.2.2) into the core's {@link Filter}, and a
 * {@code sortBy} into its {@link Sort}. Attribute paths are resolved as everywhere in the SCIM API
 * (case-insensitive names, URN-qualified names, legacy URNs) and named canonically for the core; an
 * attribute the core's catalogue does not list is refused with {@code invalidFilter} (or
 * {@code invalidValue} for {@code sortBy}), naming what can be used, never silently ignored.
 */
public final class FilterTranslator {

    private final SchemaPaths paths;
    private final AttributeCatalogue catalogue;

    /**
     * @param paths the resolver of the resource type's attribute paths
     * @param catalogue what may be filtered and sorted on, as the core lists it
     */
    public FilterTranslator(SchemaPaths paths, AttributeCatalogue catalogue) {
        this.paths = paths;
        this.catalogue = catalogue;
    }

    public static FilterTranslator forUsers(SchemaPaths paths) {
        return new FilterTranslator(paths, DirectoryUsers.queryCatalogue());
    }

    public static FilterTranslator forGroups(SchemaPaths paths) {
        return new FilterTranslator(paths, DirectoryGroups.queryCatalogue());
    }

    /** The core query of a list request: its filter, sort and paging. */
    public DirectoryQuery query(ListRequest request) {
        return new DirectoryQuery(toFilter(request.filter()), sort(request.sortBy(), request.sortOrder()), request.page().paging());
    }

    /** The core filter of {@code expression}, or null for none. */
    public Filter toFilter(FilterExpression expression) {
        return expression == null ? null : translate(expression, null);
    }

    /** What {@code sortBy} orders by, ascending unless asked otherwise; null for no sortBy. */
    public Sort sort(AttributeReference sortBy, SortOrder order) {
        if (sortBy == null) {
            return null;
        }
        SchemaPath path;
        try {
            path = paths.resolve(sortBy);
        } catch (UnknownPath e) {
            throw ScimProblem.invalidValue(e.getMessage() + "; sortBy may be one of: " + catalogue.names(true));
        }
        QueryableAttribute attribute = lookup(path);
        if (attribute == null || !attribute.sortable()) {
            throw ScimProblem.invalidValue("Cannot sort by '" + path.name() + "'" + notIndexed(path) + "; sortBy may be one of: "
                    + catalogue.names(true));
        }
        return new Sort(attribute.name(), order == SortOrder.DESCENDING);
    }

    private Filter translate(FilterExpression expression, SchemaPath valuePathParent) {
        if (expression instanceof LogicalExpression logical) {
            Filter left = translate(logical.getLeft(), valuePathParent);
            Filter right = translate(logical.getRight(), valuePathParent);
            return logical.getOperator() == LogicalOperator.OR ? new Filter.Or(left, right) : new Filter.And(left, right);
        }
        if (expression instanceof GroupExpression group) {
            Filter inner = translate(group.getFilterExpression(), valuePathParent);
            return group.isNot() ? new Filter.Not(inner) : inner;
        }
        if (expression instanceof ValuePathExpression valuePath) {
            return valuePath(valuePath, valuePathParent);
        }
        if (expression instanceof AttributeComparisonExpression comparison) {
            QueryableAttribute attribute = resolve(comparison.getAttributePath(), valuePathParent);
            if (comparison.getOperation() == CompareOperator.PR) {
                return new Filter.Present(attribute.name());
            }
            return new Filter.Comparison(attribute.name(), operator(comparison.getOperation()),
                    value(attribute, comparison.getCompareValue()));
        }
        if (expression instanceof AttributePresentExpression present) {
            return new Filter.Present(resolve(present.getAttributePath(), valuePathParent).name());
        }
        throw ScimProblem.invalidFilter("Unsupported filter expression: " + expression.toFilter());
    }

    private Filter valuePath(ValuePathExpression valuePath, SchemaPath valuePathParent) {
        if (valuePathParent != null) {
            throw ScimProblem.invalidFilter("Value paths cannot be nested: " + valuePath.toFilter());
        }
        if (valuePath.getAttributeExpression() == null) {
            throw ScimProblem.invalidFilter("Empty value path: " + valuePath.toFilter());
        }
        SchemaPath parent = resolvePath(valuePath.getAttributePath());
        if (!catalogue.hasValuePathOn(parent.name())) {
            throw ScimProblem.invalidFilter("Cannot filter on '" + parent.name() + "' with a value path" + notIndexed(parent)
                    + "; supported attributes: " + catalogue.names(false));
        }
        return new Filter.ValuePath(parent.name(), translate(valuePath.getAttributeExpression(), parent));
    }

    /** The catalogued attribute a filter names; inside a value path, names are sub-attributes of its parent. */
    private QueryableAttribute resolve(AttributeReference reference, SchemaPath valuePathParent) {
        SchemaPath path;
        if (valuePathParent != null) {
            String sub = reference.getSubAttributeName() != null
                    && reference.getAttributeName().equalsIgnoreCase(valuePathParent.attributeName())
                    ? reference.getSubAttributeName() : reference.getAttributeName();
            path = resolvePath(valuePathParent.name() + "." + sub);
        } else {
            path = resolvePath(reference);
        }
        QueryableAttribute attribute = lookup(path);
        if (attribute == null) {
            throw ScimProblem.invalidFilter("Cannot filter on '" + path.name() + "'" + notIndexed(path)
                    + "; supported attributes: " + catalogue.names(false));
        }
        if (valuePathParent != null && !valuePathParent.name().equals(attribute.multiValuedParent())) {
            throw ScimProblem.invalidFilter("Inside " + valuePathParent.name() + "[...] a filter can only test sub-attributes of "
                    + valuePathParent.name() + ", not " + attribute.name());
        }
        return attribute;
    }

    private SchemaPath resolvePath(AttributeReference reference) {
        if (reference == null || reference.getAttributeName() == null) {
            throw ScimProblem.invalidFilter("Missing attribute name");
        }
        return resolvePath(reference.getFullyQualifiedAttributeName());
    }

    private SchemaPath resolvePath(String text) {
        try {
            return paths.resolve(text);
        } catch (UnknownPath e) {
            throw ScimProblem.invalidFilter(e.getMessage() + "; filters can use: " + catalogue.names(false));
        }
    }

    /** The attribute at {@code path}; a multi-valued attribute named alone is its default sub-attribute (emails → emails.value). */
    private QueryableAttribute lookup(SchemaPath path) {
        return catalogue.find(path.withoutFilter().name()).orElse(null);
    }

    /** Why an attribute of an extension the server does not define cannot be used, or nothing. */
    private static String notIndexed(SchemaPath path) {
        return path.declared() ? "" : ": the extension " + path.urn()
                + " is stored and returned as sent, but not indexed, so its attributes cannot be filtered or sorted on";
    }

    private static Operator operator(CompareOperator operator) {
        return Operator.valueOf(operator.name());
    }

    /** The compared value, typed as SCIMple parsed it; a string no store can hold is refused here. */
    private static FilterValue value(QueryableAttribute attribute, Object value) {
        if (value == null) {
            return FilterValue.NULL;
        }
        if (attribute.kind() == AttributeKind.STRING) {
            String unstorable = StorableText.problem(String.valueOf(value));
            if (unstorable != null) {
                throw ScimProblem.invalidFilter("The value compared with " + attribute.name() + " contains " + unstorable);
            }
        }
        if (value instanceof Boolean bool) {
            return FilterValue.of(bool);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new FilterValue.Number(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double number && Double.isFinite(number)) {
            return new FilterValue.Number(BigDecimal.valueOf(number));
        }
        return FilterValue.of(String.valueOf(value));
    }
}
