package io.scimgate.server.scim.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.apache.directory.scim.core.json.ObjectMapperFactory;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.schema.Meta;

/**
 * The one ObjectMapper for SCIM documents: SCIMple's, with UTC {@code meta} and bounds on what a
 * body may make the parser do (nesting depth, length of one string or number).
 */
public final class ScimJson {

    /** Deeper than any SCIM document (a resource, its complex attributes, a PATCH value) needs to be. */
    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 100;

    private ScimJson() {
    }

    public static ObjectMapper objectMapper(SchemaRegistry schemaRegistry) {
        ObjectMapper mapper = ObjectMapperFactory.createObjectMapper(schemaRegistry);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SimpleModule module = new SimpleModule("scimgate-scim");
        module.addSerializer(Meta.class, new MetaJson.Writer());
        mapper.registerModule(module);
        return mapper;
    }
}
