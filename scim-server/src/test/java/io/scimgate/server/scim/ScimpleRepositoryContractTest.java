package io.scimgate.server.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.testing.TestCore;
import java.util.List;
import java.util.Set;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.apache.directory.scim.spec.resources.Email;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The users repository honours SCIMple's {@code Repository<ScimUser>} contract, through the provisioning core. */
class ScimpleRepositoryContractTest {

    private TestCore test;
    private Repository<ScimUser> users;

    @BeforeEach
    void start() {
        test = TestCore.start();
        ScimResources resources = new ScimResources(test.core());
        users = resources.repositories().getRepository(ScimUser.class);
        String organization = test.core().organizations().create("Contract").id();
        Directory directory = test.core().directories().create(organization, "D", DirectoryProvider.GENERIC).directory();
        ScimRequest.begin(new ScimRequest(directory, "http://scim.example/scim/v2/" + directory.id(), IfMatch.NONE));
    }

    @AfterEach
    void stop() {
        ScimRequest.end();
        test.close();
    }

    @Test
    void createGetFindUpdatePatchDelete() throws Exception {
        ScimUser ana = new ScimUser();
        ana.setUserName("ana@contract.example");
        ana.setEmails(List.of(new Email().setValue("ana@contract.example").setType("work").setPrimary(true)));
        ScimUser created = users.create(ana);
        String id = created.getId();
        assertTrue(created.getMeta().getLocation().endsWith("/Users/" + id));

        assertEquals("ana@contract.example", users.get(id).getUserName());
        FilterResponse<ScimUser> found = users.find(new Filter("userName eq \"ANA@contract.example\""), new PageRequest(), null);
        assertEquals(1, found.getTotalResults());

        ScimUser replaced = users.get(id);
        replaced.setTitle("Lead");
        assertEquals("Lead", users.update(id, null, replaced, Set.of(), Set.of()).getTitle());

        PatchOperation deactivate = new PatchOperation();
        deactivate.setOperation(PatchOperation.Type.REPLACE);
        deactivate.setPath(PatchOperationPath.fromString("active"));
        deactivate.setValue(false);
        assertFalse(users.patch(id, null, List.of(deactivate), Set.of(), Set.of()).getActive());

        users.delete(id);
        assertNull(users.get(id));
    }
}
