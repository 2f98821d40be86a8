package nl.verzuim.connector.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data at rest (src/docs/privacy.md, "Data at rest"): the embedded H2 database opened with H2's file encryption
 * ({@code CIPHER=AES}, the file password before the user's, from the environment) takes the connector's migrations
 * and a pupil, and its file then holds no BSN or name in plain text — where the same database without encryption
 * does. Without the file password it does not open.
 */
class VersleuteldeDatabaseTest {

    static final String BSN = "123456782";
    static final String NAAM = "Zichtbaarvoorwie";
    static final String OPTIES = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @TempDir
    Path map;

    /** Starts the schema the way the connector does (Flyway, its migrations), stores a pupil, closes the file. */
    static void startMetLeerling(String url, String wachtwoord) throws SQLException {
        Flyway.configure().dataSource(url, "sa", wachtwoord).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", wachtwoord)) {
            c.createStatement().execute("""
                    insert into leerling (brin, vestiging, leerling_id, bsn, achternaam, bronnen, bijgewerkt)
                    values ('00YY', '00', 'LN1', '%s', '%s', 'OSO', current_timestamp)""".formatted(BSN, NAAM));
            c.createStatement().execute("shutdown");
        }
    }

    static String bestand(Path map, String naam) throws Exception {
        return new String(Files.readAllBytes(map.resolve(naam + ".mv.db")), StandardCharsets.ISO_8859_1);
    }

    @Test
    void eenVersleuteldeDatabaseStartEnHoudtGeenLeesbareBsn() throws Exception {
        String url = "jdbc:h2:file:" + map.resolve("versleuteld") + ";CIPHER=AES" + OPTIES;
        // H2: "<file password> <user password>"; in production both come from the environment
        startMetLeerling(url, "bestandssleutel-uit-de-omgeving gebruikerswachtwoord");

        try (Connection c = DriverManager.getConnection(url, "sa", "bestandssleutel-uit-de-omgeving gebruikerswachtwoord")) {
            var rs = c.createStatement().executeQuery("select bsn from leerling");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(BSN);
        }
        assertThat(bestand(map, "versleuteld")).doesNotContain(BSN).doesNotContain(NAAM);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "verkeerd gebruikerswachtwoord").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void zonderVersleutelingStaatDeBsnLeesbaarInHetBestand() throws Exception {
        // the control: this is what the encryption prevents
        startMetLeerling("jdbc:h2:file:" + map.resolve("open") + OPTIES, "");
        assertThat(bestand(map, "open")).contains(BSN).contains(NAAM);
    }
}
