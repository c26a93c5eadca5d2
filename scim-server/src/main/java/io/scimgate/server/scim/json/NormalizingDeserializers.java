package io.scimgate.server.scim.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.resources.ScimUser;

/** Runs every SCIM resource document through {@link ResourceNormalizer} before SCIMple binds it. */
final class NormalizingDeserializers extends BeanDeserializerModifier {

    private final ResourceNormalizer normalizer;

    NormalizingDeserializers(ResourceNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (ScimResource.class.isAssignableFrom(type) && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            @SuppressWarnings("unchecked")
            Class<? extends ScimResource> resourceType = (Class<? extends ScimResource>) type;
            return new Normalizing(deserializer, normalizer, resourceType);
        }
        return deserializer;
    }

    private static final class Normalizing extends DelegatingDeserializer {

        private final ResourceNormalizer normalizer;
        private final Class<? extends ScimResource> resourceType;

        Normalizing(JsonDeserializer<?> delegate, ResourceNormalizer normalizer, Class<? extends ScimResource> resourceType) {
            super(delegate);
            this.normalizer = normalizer;
            this.resourceType = resourceType;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Normalizing(newDelegatee, normalizer, resourceType);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (!tree.isObject()) {
                return context.handleUnexpectedToken(resourceType, parser);
            }
            ObjectNode normalized = normalizer.normalize((ObjectNode) tree, resourceType);
            try (JsonParser treeParser = parser.getCodec().treeAsTokens(normalized)) {
                treeParser.nextToken();
                Object resource = _delegatee.deserialize(treeParser, context);
                // ScimUser defaults active to true; absent must stay distinguishable, since a PUT
                // without active leaves it unchanged (IDP-QUIRKS.md §10.11).
                if (resource instanceof ScimUser user && !normalized.has("active")) {
                    user.setActive(null);
                }
                return resource;
            }
        }
    }
}
