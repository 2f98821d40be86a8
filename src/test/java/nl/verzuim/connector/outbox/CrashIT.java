package nl.verzuim.connector.outbox;

import static nl.verzuim.connector.support.Testnummers.bsn;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The crash test: the built jar, as its own process with its own H2 file database, reads 200 pupils (OSO dossiers)
 * and a CSV that gives each of them a 16-uur melding, and delivers them to a slow DUO (WireMock in this JVM). While
 * it delivers it is killed with SIGKILL (Process.destroyForcibly), then started again on the same database. At the
 * end DUO has received every melding, each identificatiecodeBedrijfsdocument belongs to exactly one melding, and no
 * melding arrived under two keys (a melding may arrive twice under its one key: DUO answers that as the first time).
 */
class CrashIT {

    static final Path JAR = Path.of("target/verzuim-connector.jar").toAbsolutePath();
    static final int LEERLINGEN = 200;
    static final String DUO_PAD = "/duo/verzuimmelding/v1";

    private final WireMockServer duo = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory(".")
            .containerThreads(20));
    private final List<Process> processen = new ArrayList<>();
    private Path map;

    @Test
    void naEenSigkillTijdensHetAfleverenKomtElkeMeldingEenKeerMetEenSleutelAan() throws Exception {
        duo.start();
        duo.setGlobalFixedDelay(100); // DUO answers slowly: the kill falls in the middle of delivering
        map = Files.createTempDirectory("verzuim-crash-");
        Path inbox = Files.createDirectories(map.resolve("inbox"));
        try (InputStream scholen = getClass().getResourceAsStream("/scholen-test.yaml")) {
            Files.copy(scholen, map.resolve("scholen.yaml"));
        }
        String dossier;
        try (InputStream in = getClass().getResourceAsStream("/sandbox/Voorbeelddossier_PaO_POSWV_sandbox.xml")) {
            dossier = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        for (int i = 1; i <= LEERLINGEN; i++) {
            String id = "LC%05d".formatted(i);
            zet(inbox, "dossier-" + id + ".xml", dossier.replace("LN094837", id).replace("111222333", bsn(i)));
            for (String dag : new String[] {"2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"}) {
                csv.append(id).append(';').append(dag).append(";08:30;;;ONG;\n");
            }
        }

        Instant start = Instant.now();
        Process eerste = start(map.resolve("eerste.log"));
        wachtTot(() -> aantalLeerlingen() == LEERLINGEN, Duration.ofSeconds(60), "de dossiers ingelezen", eerste);
        zet(inbox, "00YY00_verzuim.csv", csv.toString());
        wachtTot(() -> aanleveringen().size() >= 40, Duration.ofSeconds(60), "DUO ontvangt", eerste);
        eerste.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no goodbye
        assertThat(eerste.waitFor(20, TimeUnit.SECONDS)).isTrue();
        int voorDeCrash = aanleveringen().size();
        System.out.println("Crash: gedood na " + voorDeCrash + " aanleveringen bij DUO");
        assertThat(voorDeCrash).as("gedood tijdens het afleveren, niet erna").isLessThan(LEERLINGEN);

        Process tweede = start(map.resolve("tweede.log"));
        wachtTot(() -> verzondenVolgensDeConnector() == LEERLINGEN, Duration.ofSeconds(90), "alles verzonden", tweede);
        System.out.println("Crash: alles afgeleverd na " + Duration.between(start, Instant.now()).toSeconds()
                + " s, " + aanleveringen().size() + " aanleveringen bij DUO");

        // What DUO received: key -> meldingen under it, melding (BSN, soort, begindatum) -> keys it came under.
        Map<String, Set<String>> meldingenPerSleutel = new HashMap<>();
        Map<String, Set<String>> sleutelsPerMelding = new HashMap<>();
        for (LoggedRequest verzoek : aanleveringen()) {
            Document xml = xml(verzoek.getBodyAsString());
            String sleutel = tekst(xml, "identificatiecodeBedrijfsdocument");
            String melding = tekst(xml, "burgerservicenummer") + "/" + tekst(xml, "verzuimsoort") + "/"
                    + tekst(xml, "begindatum");
            meldingenPerSleutel.computeIfAbsent(sleutel, k -> new TreeSet<>()).add(melding);
            sleutelsPerMelding.computeIfAbsent(melding, k -> new TreeSet<>()).add(sleutel);
        }
        assertThat(sleutelsPerMelding).as("DUO ontving elke melding").hasSize(LEERLINGEN);
        assertThat(meldingenPerSleutel.values()).as("elke sleutel hoort bij precies één melding")
                .allSatisfy(m -> assertThat(m).hasSize(1));
        assertThat(sleutelsPerMelding.values()).as("geen melding onder twee sleutels")
                .allSatisfy(s -> assertThat(s).hasSize(1));

        // And the connector agrees (asked while it runs): each melding was sent under the key DUO holds for it.
        Map<String, String> sleutelVolgensConnector = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "sa", "");
             ResultSet rs = db.createStatement().executeQuery("""
                     select l.bsn, m.soort, m.begindatum, o.sleutel, m.status from melding m
                     join leerling l on l.brin = m.brin and l.vestiging = m.vestiging and l.leerling_id = m.leerling_id
                     join outbox o on o.melding_id = m.id where m.kanaal = 'DUO'""")) {
            while (rs.next()) {
                assertThat(rs.getString("status")).isEqualTo("VERZONDEN");
                assertThat(sleutelVolgensConnector.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                        rs.getString(4))).as("één outbox-item per melding").isNull();
            }
        }
        tweede.destroy();
        tweede.waitFor(30, TimeUnit.SECONDS);
        assertThat(sleutelVolgensConnector).hasSize(LEERLINGEN);
        sleutelVolgensConnector.forEach((melding, sleutel) ->
                assertThat(sleutelsPerMelding.get(melding)).containsExactly(sleutel));
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processen) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
        duo.stop();
    }

    private Process start(Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> opdracht = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=0",
                "--connector.sandbox=false",
                "--connector.schools=" + map.resolve("scholen.yaml"),
                "--connector.inbox=" + map.resolve("inbox"),
                "--connector.processed-dir=" + map.resolve("processed"),
                "--connector.quarantine-dir=" + map.resolve("quarantaine"),
                "--connector.klok-start=2026-11-20T16:00:00+01:00",
                "--connector.duo.endpoint=" + duo.baseUrl() + DUO_PAD,
                "--connector.duo.ontvanger-oin=00000001800866472000",
                "--connector.duo.gelijktijdig=2",
                "--connector.ot.base-url=" + duo.baseUrl() + "/ot",
                "--connector.ot.client-id=crash", "--connector.ot.client-secret=crash",
                "--connector.ot.webhook-secret=crash-webhook-geheim-7d1e9b3c50a2f486",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
                "--connector.mail.from=connector@crash.example",
                "--connector.outbox.poll-interval=200",
                // A killed instance's claims run out after this lease; the restarted one then takes them again.
                "--connector.outbox.lease=5s",
                "--connector.intake.poll-interval=200",
                "--connector.intake.read-lock-min-age=300",
                "--spring.datasource.url=" + jdbcUrl()));
        Process proces = new ProcessBuilder(opdracht).directory(map.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processen.add(proces);
        return proces;
    }

    /** AUTO_SERVER: the test can look into the connector's H2 file while the connector has it open. */
    private String jdbcUrl() {
        return "jdbc:h2:file:" + map.resolve("db/verzuim")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    private int aantalLeerlingen() throws Exception {
        return telling("select count(*) from leerling");
    }

    private int verzondenVolgensDeConnector() throws Exception {
        return telling("select count(*) from melding where kanaal = 'DUO' and status = 'VERZONDEN'");
    }

    private int telling(String sql) throws Exception {
        if (!Files.exists(map.resolve("db/verzuim.mv.db"))) {
            return -1;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl() + ";IFEXISTS=TRUE", "sa", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            return -1; // not migrated yet, or the server is changing hands after the restart
        }
    }

    private List<LoggedRequest> aanleveringen() {
        return duo.findAll(postRequestedFor(urlPathEqualTo(DUO_PAD))).stream()
                .filter(r -> r.getBodyAsString().contains("aanleverenVerzuimmeldingRequest")).toList();
    }

    interface Voorwaarde {
        boolean geldt() throws Exception;
    }

    private static void wachtTot(Voorwaarde voorwaarde, Duration max, String wat, Process proces) throws Exception {
        Instant einde = Instant.now().plus(max);
        while (Instant.now().isBefore(einde)) {
            if (voorwaarde.geldt()) {
                return;
            }
            if (!proces.isAlive()) {
                fail("de connector stopte onverwacht voor: " + wat);
            }
            Thread.sleep(200);
        }
        fail(wat + " niet binnen " + max.toSeconds() + " s");
    }

    private static void zet(Path inbox, String naam, String inhoud) throws Exception {
        Path tijdelijk = inbox.getParent().resolve(naam + ".schrijven");
        Files.writeString(tijdelijk, inhoud);
        Files.move(tijdelijk, inbox.resolve(naam));
    }

    private static Document xml(String tekst) throws Exception {
        DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
        fabriek.setNamespaceAware(true);
        return fabriek.newDocumentBuilder().parse(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)));
    }

    private static String tekst(Document xml, String element) {
        return xml.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }
}
