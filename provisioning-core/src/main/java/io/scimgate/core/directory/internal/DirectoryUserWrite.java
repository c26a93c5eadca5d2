package io.scimgate.core.directory.internal;

import java.util.function.Consumer;

/**
 * The one write of a directory user's row that a create or an update makes: its values with the
 * provisioning columns that the lifecycle decides. The lifecycle writes it exactly once, before
 * anything that reads the row back, so that the row (and on PostgreSQL every index of it) is
 * written once per change, not once for the values and again for the link (BENCHMARKS.md "Seventh pass").
 */
public final class DirectoryUserWrite {

    private final Consumer<ProvisioningColumns> write;
    private boolean written;

    public DirectoryUserWrite(Consumer<ProvisioningColumns> write) {
        this.write = write;
    }

    public void write(ProvisioningColumns columns) {
        if (written) {
            throw new IllegalStateException("A directory user's change writes its row once");
        }
        written = true;
        write.accept(columns);
    }

    /** Fails unless the lifecycle wrote the row. */
    public void checkWritten() {
        if (!written) {
            throw new IllegalStateException("The directory user's lifecycle did not write its row");
        }
    }
}
