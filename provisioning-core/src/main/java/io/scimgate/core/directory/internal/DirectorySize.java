package io.scimgate.core.directory.internal;

/**
 * How many rows a directory has and, where the store keeps one, its order version: a number that
 * every create, delete and change of sortable values raises in its own transaction, so that two
 * reads with the same version saw the directory's orders unchanged (V85).
 *
 * @param orderVersion null where no version is kept (the directory is then counted, and never anchored)
 */
public record DirectorySize(int rows, Long orderVersion) {
}
