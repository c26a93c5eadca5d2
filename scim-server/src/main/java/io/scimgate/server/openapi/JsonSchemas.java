package io.scimgate.server.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schema (2020-12, as OpenAPI 3.1 uses it) of the Java types the admin API reads and writes,
 * as Jackson writes them: a record is an object of its components (a named schema under
 * {@code components/schemas}, or inline when generic, such as {@code ListView<T>}), a collection an
 * array, a {@code JsonNode} any JSON. Components of primitive types are always present, hence
 * required.
 */
final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> named = new TreeMap<>();
    private final Map<String, Class<?>> namedClasses = new HashMap<>();

    /** The named schemas referred to so far, for {@code components/schemas}. */
    ObjectNode components() {
        ObjectNode components = JSON.createObjectNode();
        named.forEach(components::set);
        return components;
    }

    ObjectNode of(Type type) {
        return of(type, Map.of());
    }

    private ObjectNode of(Type type, Map<TypeVariable<?>, Type> bound) {
        if (type instanceof TypeVariable<?> variable) {
            return of(bound.getOrDefault(variable, Object.class), bound);
        }
        if (type instanceof WildcardType wildcard) {
            return of(wildcard.getUpperBounds()[0], bound);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.createObjectNode().put("type", "array");
                array.set("items", of(arguments[0], bound));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = JSON.createObjectNode().put("type", "object");
                map.set("additionalProperties", of(arguments[1], bound));
                return map;
            }
            if (raw.isRecord()) {
                Map<TypeVariable<?>, Type> inner = new HashMap<>(bound);
                TypeVariable<?>[] variables = raw.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    inner.put(variables[i], arguments[i]);
                }
                return record(raw, inner);
            }
            return of(raw, bound);
        }
        Class<?> type1 = (Class<?>) type;
        return simple(type1).orElseGet(() -> {
            if (type1.isRecord() && type1.getTypeParameters().length == 0) {
                return reference(type1);
            }
            if (type1.isRecord()) {
                return record(type1, bound);
            }
            throw new IllegalArgumentException("No JSON schema for " + type1.getName()
                    + ": the admin API reads and writes records, collections and JSON values");
        });
    }

    private java.util.Optional<ObjectNode> simple(Class<?> type) {
        ObjectNode schema = JSON.createObjectNode();
        if (type == String.class || type == java.util.UUID.class) {
            schema.put("type", "string");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            schema.put("type", "integer");
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            schema.put("type", "number");
        } else if (type == boolean.class || type == Boolean.class) {
            schema.put("type", "boolean");
        } else if (type == Instant.class || type == OffsetDateTime.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (type.isEnum()) {
            ArrayNode values = schema.put("type", "string").putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(constant.toString());
            }
        } else if (JsonNode.class.isAssignableFrom(type) || type == Object.class) {
            schema.put("description", "any JSON value");
        } else {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(schema);
    }

    private ObjectNode reference(Class<?> record) {
        String name = record.getSimpleName();
        Class<?> known = namedClasses.putIfAbsent(name, record);
        if (known != null && known != record) {
            throw new IllegalStateException("Two records are named " + name + ": " + known.getName() + ", " + record.getName());
        }
        if (known == null) {
            named.put(name, JSON.createObjectNode()); // a placeholder first: records may refer to themselves
            named.put(name, record(record, Map.of()));
        }
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private ObjectNode record(Class<?> record, Map<TypeVariable<?>, Type> bound) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            properties.set(name, of(component.getGenericType(), bound));
            if (component.getType().isPrimitive()) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** The component's name in JSON: its {@code @JsonProperty} when it has one (a Java keyword such as {@code default}). */
    static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = component.getAnnotation(JsonProperty.class);
        }
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }
}
