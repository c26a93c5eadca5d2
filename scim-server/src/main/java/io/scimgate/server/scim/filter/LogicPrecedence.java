package io.scimgate.server.scim.filter;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.ValuePathExpression;

/**
 * RFC 7644 §3.4.2.2 gives {@code and} precedence over {@code or}; SCIMple M1's grammar reads them
 * left to right, so {@code a or b and c} became {@code (a or b) and c}. This regroups every run of
 * unparenthesised logical operators (parentheses survive as group expressions) with {@code and} first.
 */
final class LogicPrecedence {

    private LogicPrecedence() {
    }

    static FilterExpression apply(FilterExpression expression) {
        if (expression instanceof GroupExpression group) {
            return new GroupExpression(group.isNot(), apply(group.getFilterExpression()));
        }
        if (expression instanceof ValuePathExpression valuePath && valuePath.getAttributeExpression() != null) {
            return new ValuePathExpression(valuePath.getAttributePath(), apply(valuePath.getAttributeExpression()));
        }
        if (!(expression instanceof LogicalExpression)) {
            return expression;
        }
        List<FilterExpression> operands = new ArrayList<>();
        List<LogicalOperator> operators = new ArrayList<>();
        flatten(expression, operands, operators);
        FilterExpression result = null;
        FilterExpression conjunction = operands.get(0);
        for (int i = 0; i < operators.size(); i++) {
            if (operators.get(i) == LogicalOperator.AND) {
                conjunction = new LogicalExpression(conjunction, LogicalOperator.AND, operands.get(i + 1));
            } else {
                result = result == null ? conjunction : new LogicalExpression(result, LogicalOperator.OR, conjunction);
                conjunction = operands.get(i + 1);
            }
        }
        return result == null ? conjunction : new LogicalExpression(result, LogicalOperator.OR, conjunction);
    }

    private static void flatten(FilterExpression expression, List<FilterExpression> operands, List<LogicalOperator> operators) {
        if (expression instanceof LogicalExpression logical) {
            flatten(logical.getLeft(), operands, operators);
            operators.add(logical.getOperator());
            flatten(logical.getRight(), operands, operators);
        } else {
            operands.add(apply(expression));
        }
    }
}
