package io.scimgate.server.scim.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.apache.directory.scim.core.json.ObjectMapperFactory;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.schema.Meta;

/** The one ObjectMapper for SCIM documents: SCIMple's, plus our input normalisation and UTC meta. */
public final class ScimJson {

    private ScimJson() {
    }

    public static ObjectMapper objectMapper(SchemaRegistry schemaRegistry) {
        ObjectMapper mapper = ObjectMapperFactory.createObjectMapper(schemaRegistry);
        SimpleModule module = new SimpleModule("scimgate-scim");
        module.addSerializer(Meta.class, new MetaJson.Writer());
        module.addDeserializer(Meta.class, new MetaJson.Skipper());
        module.setDeserializerModifier(new NormalizingDeserializers(new ResourceNormalizer(schemaRegistry)));
        mapper.registerModule(module);
        return mapper;
    }
}
