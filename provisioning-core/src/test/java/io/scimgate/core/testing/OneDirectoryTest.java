package io.scimgate.core.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests about one organization, Acme (acme.com verified), with one directory, on a fresh
 * {@link ProvisioningFixture} per test.
 */
public abstract class OneDirectoryTest {

    protected ProvisioningFixture f;
    protected String acme;
    protected String directory;

    @BeforeEach
    void startFixture() {
        f = new ProvisioningFixture();
        acme = f.organization("Acme", "acme.com");
        directory = f.directory(acme);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
