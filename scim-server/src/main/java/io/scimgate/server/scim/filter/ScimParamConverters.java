package io.scimgate.server.scim.filter;

import io.scimgate.server.scim.endpoint.ListRequest;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.apache.directory.scim.protocol.adapter.FilterWrapper;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.SortOrder;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * Converts the query parameters of SCIMple's endpoint contract our way: {@code filter} with
 * {@link ScimFilterParser} (limits checked before parsing; M1's value-path misparse and operator
 * precedence corrected) instead of SCIMple M1's parser; {@code sortBy} checked to be an attribute
 * name and {@code sortOrder} read in any case.
 */
public final class ScimParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == FilterWrapper.class) {
            return (ParamConverter<T>) new FilterConverter();
        }
        if (rawType == SortOrder.class) {
            return (ParamConverter<T>) new Converter<>(ListRequest::sortOrder);
        }
        if (rawType == AttributeReference.class) {
            return (ParamConverter<T>) new Converter<>(ListRequest::sortBy);
        }
        return null;
    }

    private static final class FilterConverter implements ParamConverter<FilterWrapper> {
        @Override
        public FilterWrapper fromString(String text) {
            FilterExpression expression = ScimFilterParser.parse(text);
            return expression == null ? null : new FilterWrapper(new Filter(expression));
        }

        @Override
        public String toString(FilterWrapper value) {
            return value.getFilter().getFilter();
        }
    }

    private static final class Converter<T> implements ParamConverter<T> {
        private final Function<String, T> parse;

        Converter(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T fromString(String text) {
            return parse.apply(text);
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
