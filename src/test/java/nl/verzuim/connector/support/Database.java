package nl.verzuim.connector.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which database the tests run against. H2 in memory by default; with {@code -Dverzuim.test.db=postgres} (the Maven
 * profile {@code postgres}) the real PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}, trust authentication), each Spring context in a fresh schema of its own, so runs never collide.
 * No server there is an error, not a skipped test. The schemas are dropped when the test JVM ends.
 */
public final class Database {

    public static final boolean POSTGRES = "postgres".equals(System.getProperty("verzuim.test.db"));
    public static final String PG_BASIS = System.getProperty("verzuim.test.pg-url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_GEBRUIKER = System.getProperty("verzuim.test.pg-user", "postgres");

    private static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    static {
        if (POSTGRES) {
            Runtime.getRuntime().addShutdownHook(new Thread(Database::ruimOp));
        }
    }

    private Database() {
    }

    /** Creates an empty schema and returns the JDBC URL that makes it the connection's own. */
    public static String verseSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection verbinding = DriverManager.getConnection(PG_BASIS, PG_GEBRUIKER, "");
             Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("create schema " + schema);
            SCHEMAS.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL op " + PG_BASIS + " niet bereikbaar (profiel postgres): "
                    + e.getMessage(), e);
        }
        return PG_BASIS + "?currentSchema=" + schema;
    }

    /** Drops this JVM's schemas; never waits long for a lock a closing connection may still hold. */
    private static void ruimOp() {
        try (Connection verbinding = DriverManager.getConnection(PG_BASIS, PG_GEBRUIKER, "");
             Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("set lock_timeout = '2s'");
            for (String schema : SCHEMAS) {
                try {
                    opdracht.execute("drop schema if exists " + schema + " cascade");
                } catch (SQLException e) {
                    System.err.println("schema " + schema + " blijft staan: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.err.println("testschema's niet opgeruimd: " + e.getMessage());
        }
    }
}
