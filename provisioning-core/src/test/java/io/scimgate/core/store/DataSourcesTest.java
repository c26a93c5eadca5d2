package io.scimgate.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.core.testing.WrittenTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataSourcesTest {

    private TestDatabase database;

    @BeforeEach
    void create() {
        database = TestDatabases.create();
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(database);
    }

    /**
     * pgjdbc sends a rewritten batch as multi-row INSERTs (of a power of two rows each) and then knows
     * no count per row (SUCCESS_NO_INFO); executed row by row, each row counts 1. H2 has no such setting.
     */
    @Test
    void onPostgresqlABatchOfInsertsGoesAsMultiRowInserts() throws SQLException {
        int expected = database.isPostgres() ? Statement.SUCCESS_NO_INFO : 1;
        assertArrayEquals(new int[] {expected, expected, expected, expected}, insertFourRowsInOneBatch(database.jdbcUrl()));
    }

    @Test
    void anOperatorsDriverSettingInTheUrlWins() throws SQLException {
        if (!database.isPostgres()) {
            return; // the setting is pgjdbc's
        }
        String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=false";
        assertArrayEquals(new int[] {1, 1, 1, 1}, insertFourRowsInOneBatch(url));
    }

    /**
     * H2 walks every cached query at the first write to each table of a transaction, so its cache of
     * parsed statements is kept small (BENCHMARKS.md, "Eighth pass: the create's CPU"); an operator's
     * own setting wins.
     */
    @Test
    void anH2FileStoreKeepsAFewParsedStatementsPerConnectionUnlessTheUrlSaysOtherwise() throws SQLException {
        if (database.isPostgres()) {
            return; // H2's setting
        }
        assertEquals(String.valueOf(DataSources.H2_QUERY_CACHE_SIZE), queryCacheSize(database.jdbcUrl()));
        assertEquals("100", queryCacheSize(database.jdbcUrl() + ";QUERY_CACHE_SIZE=100"));
    }

    private String queryCacheSize(String url) throws SQLException {
        try (HikariDataSource pool = DataSources.pooled(url, database.user(), database.password());
                Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertTrue(setting.next(), "H2 lists QUERY_CACHE_SIZE among its settings");
            return setting.getString(1);
        }
    }

    /** The event relay stops on a closed pool; a statement recorder around the pool must not hide it. */
    @Test
    void aClosedPoolIsSeenThroughADataSourceThatWrapsIt() {
        HikariDataSource pool = DataSources.pooled(database.jdbcUrl(), database.user(), database.password());
        DataSource wrapped = new WrittenTables().wrap(pool);
        assertFalse(DataSources.isClosedPool(wrapped));
        pool.close();
        assertTrue(DataSources.isClosedPool(wrapped));
        assertTrue(DataSources.isClosedPool(pool));
    }

    private int[] insertFourRowsInOneBatch(String url) throws SQLException {
        try (HikariDataSource pool = DataSources.pooled(url, database.user(), database.password());
                Connection connection = pool.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE batch_probe (n INT NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch_probe (n) VALUES (?)")) {
                for (int n = 1; n <= 4; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        }
    }
}
