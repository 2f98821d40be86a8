package nl.verzuim.connector.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import nl.verzuim.connector.support.Testmeldingen;

/**
 * Backup and restore (src/docs/operating.md, "Backup and restore"): {@code backup DIR} copies the embedded H2 while
 * the connector holds it open, and the data folders; restored as the documentation says (unzip into the db folder),
 * every melding and outbox item is there.
 */
class BackupHerstelTest {

    @Test
    void eenHersteldeBackupHeeftElkeMeldingEnElkOutboxItem(@TempDir Path map) throws Exception {
        Path data = map.resolve("verzuim-data");
        String url = "jdbc:h2:file:" + data.resolve("db/verzuim")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        Files.createDirectories(data.resolve("processed/2026-11-20"));
        Files.writeString(data.resolve("processed/2026-11-20/00YY00_registraties.csv"), "leerling_id;datum\n");
        Files.createDirectories(data.resolve("quarantaine"));
        Files.createDirectories(data.resolve("inbox"));

        // the running connector: its database open, with meldingen and outbox items in it
        try (SingleConnectionDataSource draaiend = new SingleConnectionDataSource(url, "sa", "", true)) {
            Flyway.configure().dataSource(draaiend).load().migrate();
            JdbcClient jdbc = JdbcClient.create(draaiend);
            Testmeldingen meldingen = new Testmeldingen(jdbc);
            for (int i = 0; i < 5; i++) {
                long id = meldingen.melding("00YY", "LN80" + i, "DUO", "RELATIEF_16_UUR", "TE_VERZENDEN",
                        LocalDate.of(2026, 11, 27));
                jdbc.sql("""
                        insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, volgende_poging,
                            aangemaakt) values (?, 'DUO', 'DUO_AANLEVEREN', ?, ?, 'TE_VERZENDEN', ?, ?)""")
                        .params(id, "s-" + i, "b-" + i, OffsetDateTime.parse("2026-11-20T16:00:00+01:00"),
                                OffsetDateTime.parse("2026-11-20T16:00:00+01:00")).update();
            }

            ByteArrayOutputStream uit = new ByteArrayOutputStream();
            int status = BackupCommando.voerUit(new String[] {map.resolve("backup").toString(),
                    "--spring.datasource.url=" + url, "--connector.inbox=" + data.resolve("inbox"),
                    "--connector.processed-dir=" + data.resolve("processed"),
                    "--connector.quarantine-dir=" + data.resolve("quarantaine")},
                    new PrintStream(uit, true, StandardCharsets.UTF_8), System.err);
            assertThat(status).as(uit.toString(StandardCharsets.UTF_8)).isZero();
        }

        // restore elsewhere, as src/docs/operating.md says: unzip db/verzuim.zip into the new data folder's db/
        Path hersteld = map.resolve("hersteld");
        Files.createDirectories(hersteld.resolve("db"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(map.resolve("backup/db/verzuim.zip")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Files.copy(zip, hersteld.resolve("db").resolve(Path.of(e.getName()).getFileName()));
            }
        }
        String herstelUrl = "jdbc:h2:file:" + hersteld.resolve("db/verzuim")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (SingleConnectionDataSource bron = new SingleConnectionDataSource(herstelUrl, "sa", "", true)) {
            JdbcClient jdbc = JdbcClient.create(bron);
            assertThat(jdbc.sql("select leerling_id from melding order by leerling_id").query(String.class).list())
                    .isEqualTo(List.of("LN800", "LN801", "LN802", "LN803", "LN804"));
            assertThat(jdbc.sql("select sleutel from outbox order by sleutel").query(String.class).list())
                    .isEqualTo(List.of("s-0", "s-1", "s-2", "s-3", "s-4"));
        }
        assertThat(map.resolve("backup/processed/2026-11-20/00YY00_registraties.csv")).exists();
        assertThat(map.resolve("backup/quarantaine")).isDirectory();
    }
}
