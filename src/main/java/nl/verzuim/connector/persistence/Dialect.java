package nl.verzuim.connector.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** The database in use, for the few statements H2 and PostgreSQL spell differently. */
@Component
public class Dialect {

    private final boolean postgres;

    public Dialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Instants are stored as timestamp with time zone, in UTC. */
    public static OffsetDateTime tijd(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime tijd) {
        return tijd == null ? null : tijd.toInstant();
    }
}
