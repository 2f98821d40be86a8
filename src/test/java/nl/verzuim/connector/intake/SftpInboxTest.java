package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * An inbox on an SFTP server (src/docs/intake.md, "An inbox on an SFTP server"): an embedded Apache MINA SSHD server
 * on a random port, password login, a temporary root. The connector polls {@code /inbox} there with the done-file
 * convention on ({@code klaar-bestand: true}). Its own context, closed after this class.
 */
@Tag("database")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SftpInboxTest extends ConnectorTestBasis {

    private static final String WACHTWOORD = "las-geheim-7c1e";
    private static final Path ROOT = tijdelijkeMap();
    private static final SshServer SERVER = start();

    static Path map;

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry r) {
        map = eigenMap(r, "scholen-test.yaml");
        r.add("verzuim.test.inbox-locatie", () -> "sftp://las@127.0.0.1:" + SERVER.getPort() + "/inbox");
        r.add("connector.inbox-sftp.wachtwoord", () -> WACHTWOORD);
        r.add("connector.intake.sftp-map", () -> map.resolve("sftp-inbox").toString());
        r.add("connector.intake.klaar-bestand", () -> "true");
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.stop(true);
    }

    @Test
    void eenExportOpDeServerWordtEenmaalGelezenEnDaarNaarProcessedVerplaatst(CapturedOutput uitvoer)
            throws Exception {
        Path inbox = ROOT.resolve("inbox");
        Path processed = inbox.resolve("processed");
        String csv = "leerling_id;datum;code\nLN801;2026-11-16;ONG\nLN802;2026-11-16;ONG\n";
        FileTime tijd = FileTime.from(Instant.parse("2026-11-19T07:00:00Z"));

        // the done file's convention on the server: without naam.csv.klaar the export is left where it is
        Path zonderKlaar = leg(inbox, "00YY00_onaf.csv", "leerling_id;datum;code\nLN809;2026-11-16;ONG\n", tijd);
        Path export = leg(inbox, "00YY00_verzuim.csv", csv, tijd);
        Files.writeString(inbox.resolve("00YY00_verzuim.csv.klaar"), "");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(processed.resolve("00YY00_verzuim.csv")));
        assertThat(export).doesNotExist();
        assertThat(inbox.resolve("00YY00_verzuim.csv.klaar")).as("done file removed with its export").doesNotExist();
        await().atMost(Duration.ofSeconds(20)).until(() -> registraties() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> gelezenLokaal("00YY00_verzuim.csv") == 1);

        // the same file dropped again, same content and time: taken from the server, not read a second time
        Files.delete(processed.resolve("00YY00_verzuim.csv"));
        leg(inbox, "00YY00_verzuim.csv", csv, tijd);
        Files.writeString(inbox.resolve("00YY00_verzuim.csv.klaar"), "");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(processed.resolve("00YY00_verzuim.csv")));
        Thread.sleep(2_000); // a second read would have had its polls by now (poll interval 200 ms)
        assertThat(registraties()).isEqualTo(2);
        assertThat(gelezenLokaal("00YY00_verzuim.csv")).as("no second copy in the local processed folder").isEqualTo(1);

        // the export without its done file is still on the server, unread
        assertThat(zonderKlaar).exists();
        assertThat(processed.resolve("00YY00_onaf.csv")).doesNotExist();
        assertThat(jdbc.sql("select count(*) from registratie where leerling_id = 'LN809'").query(Integer.class)
                .single()).isZero();
        // the password never in the log, not even in an endpoint's address
        assertThat(uitvoer.getAll()).doesNotContain(WACHTWOORD);
    }

    @Test
    void controleerLogtInEnLeestDeMap() {
        var instellingen = new nl.verzuim.connector.config.ConnectorInstellingen(false,
                "sftp://las@127.0.0.1:" + SERVER.getPort() + "/inbox", null, null, null, null, "Europe/Amsterdam",
                null, null, new nl.verzuim.connector.config.ConnectorInstellingen.Intake(null, null, null, 3, false,
                map.resolve("sftp-inbox"), false, null, 0), null, null, null, null);
        var goed = new org.springframework.mock.env.MockEnvironment()
                .withProperty("connector.inbox-sftp.wachtwoord", WACHTWOORD);
        assertThat(SftpInbox.nietBereikbaar(instellingen, goed)).isEmpty();
        var fout = new org.springframework.mock.env.MockEnvironment()
                .withProperty("connector.inbox-sftp.wachtwoord", "fout");
        assertThat(SftpInbox.nietBereikbaar(instellingen, fout)).get().asString()
                .startsWith("inloggen op sftp://127.0.0.1:" + SERVER.getPort() + "/inbox lukt niet")
                .doesNotContain("fout)");
    }

    private int registraties() {
        return jdbc.sql("select count(*) from registratie").query(Integer.class).single();
    }

    /** Copies of the export in the local processed folder (the intake names them with a time in front). */
    private long gelezenLokaal(String naam) throws IOException {
        Path lokaal = map.resolve("processed");
        if (!Files.isDirectory(lokaal)) {
            return 0;
        }
        try (var bestanden = Files.walk(lokaal)) {
            return bestanden.filter(p -> p.getFileName().toString().endsWith(naam)).count();
        }
    }

    /** As the LAS writes it: under another name, renamed into place, with the time it was made. */
    private static Path leg(Path map, String naam, String inhoud, FileTime tijd) throws IOException {
        Path tijdelijk = map.resolve(naam + ".schrijven");
        Files.writeString(tijdelijk, inhoud, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(tijdelijk, tijd);
        return Files.move(tijdelijk, map.resolve(naam));
    }

    private static Path tijdelijkeMap() {
        try {
            Path root = Files.createTempDirectory("verzuim-sftp-");
            Files.createDirectories(root.resolve("inbox"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SshServer start() {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(ROOT.resolveSibling(ROOT.getFileName() + ".host")));
        server.setPasswordAuthenticator((gebruiker, wachtwoord, sessie) ->
                "las".equals(gebruiker) && WACHTWOORD.equals(wachtwoord));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(ROOT));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
