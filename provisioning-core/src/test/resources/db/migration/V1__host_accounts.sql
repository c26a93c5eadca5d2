-- A host application's own first migration, at Flyway's default location (StoreIsolationTest).
CREATE TABLE host_account (
    id   INT          NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
INSERT INTO host_account (id, name) VALUES (1, 'host data');
