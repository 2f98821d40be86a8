package nl.verzuim.connector.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static nl.verzuim.connector.support.Testnummers.bsn;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Many instances (issue 13): two connectors, each the built jar in its own process, on one PostgreSQL (embedded,
 * started here) and one shared inbox folder, with the default leases (30 s). They read 60 pupils (OSO dossiers) and a
 * CSV that gives each a 16-uur melding, and deliver them to a slow DUO (WireMock in this JVM). While they deliver,
 * one is killed with SIGKILL. At the end DUO has every melding under one key (each identificatiecode belongs to
 * one melding, no melding came under two keys), the surviving connector records every melding as delivered, the work
 * the dead one held was taken over within a minute, and every file was read by exactly one of them.
 */
class TweeInstantiesIT {

    static final Path JAR = Path.of("target/verzuim-connector.jar").toAbsolutePath();
    static final int LEERLINGEN = 60;
    static final String DUO_PAD = "/duo/verzuimmelding/v1";
    static final String SCHEMA = "twee_instanties";

    private final WireMockServer duo = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory(".")
            .containerThreads(20));
    private final List<Process> processen = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private Path map;

    @Test
    void eenGedodeInstantieLaatNietsLiggenEnNietsGaatTweeKeer() throws Exception {
        duo.start();
        duo.setGlobalFixedDelay(300); // DUO answers slowly: the kill falls in the middle of delivering
        postgres = EmbeddedPostgres.builder().start();
        try (Connection db = DriverManager.getConnection(basisUrl(), "postgres", "");
             Statement opdracht = db.createStatement()) {
            opdracht.execute("create schema " + SCHEMA);
        }
        map = Files.createTempDirectory("verzuim-twee-");
        Path inbox = Files.createDirectories(map.resolve("inbox"));
        try (InputStream scholen = getClass().getResourceAsStream("/scholen-test.yaml")) {
            Files.copy(scholen, map.resolve("scholen.yaml"));
        }
        String dossier;
        try (InputStream in = getClass().getResourceAsStream("/sandbox/Voorbeelddossier_PaO_POSWV_sandbox.xml")) {
            dossier = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> bestanden = new ArrayList<>();
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        for (int i = 1; i <= LEERLINGEN; i++) {
            String id = "LT%05d".formatted(i);
            bestanden.add("dossier-" + id + ".xml");
            for (String dag : new String[] {"2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"}) {
                csv.append(id).append(';').append(dag).append(";08:30;;;ONG;\n");
            }
        }

        // one after the other, so that the second finds the database migrated
        // generous: on a shared 2-core machine a start can take a minute and more
        Process a = start("a");
        wachtTot(() -> telling("select count(*) from leerling") == 0, Duration.ofSeconds(240), "a migreert", a);
        Process b = start("b");
        wachtTot(() -> logBevat("a", "Started VerzuimConnectorApplication"), Duration.ofSeconds(240), "a gestart", a);
        wachtTot(() -> logBevat("b", "Started VerzuimConnectorApplication"), Duration.ofSeconds(240), "b gestart", b);

        for (int i = 1; i <= LEERLINGEN; i++) {
            String id = "LT%05d".formatted(i);
            zet(inbox, "dossier-" + id + ".xml", dossier.replace("LN094837", id).replace("111222333", bsn(500 + i)));
        }
        wachtTot(() -> telling("select count(*) from leerling") == LEERLINGEN, Duration.ofSeconds(60),
                "de dossiers ingelezen", a);
        zet(inbox, "00YY00_verzuim.csv", csv.toString());
        bestanden.add("00YY00_verzuim.csv");
        wachtTot(() -> aanleveringen().size() >= 10, Duration.ofSeconds(60), "DUO ontvangt", a);

        // what a holds at the moment it dies: its claims outlive it, until their lease runs out
        String instantieA = a.pid() + "@";
        a.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no goodbye
        Instant gedood = Instant.now();
        assertThat(a.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String vanA = "select count(*) from outbox where status = 'TE_VERZENDEN' and geclaimd_door like '"
                + instantieA + "%'";
        int gehouden = telling(vanA);
        int voorDeDood = aanleveringen().size();
        System.out.println("TweeInstanties: a gedood na " + voorDeDood + " aanleveringen bij DUO, met " + gehouden
                + " geclaimd werk");
        assertThat(voorDeDood).as("gedood tijdens het afleveren, niet erna").isLessThan(LEERLINGEN);

        // the work a held is taken over (and done) by b once a's lease ran out, not minutes later
        wachtTot(() -> telling(vanA) == 0, Duration.ofSeconds(120), "het werk van a overgenomen", b);
        Duration overname = Duration.between(gedood, Instant.now());
        wachtTot(() -> telling("select count(*) from melding where kanaal = 'DUO' and status = 'VERZONDEN'")
                == LEERLINGEN, Duration.ofSeconds(120), "alles verzonden", b);
        System.out.println("TweeInstanties: het werk van a overgenomen in " + overname.toSeconds() + " s, alles "
                + "afgeleverd " + Duration.between(gedood, Instant.now()).toSeconds() + " s na de dood van a, "
                + aanleveringen().size() + " aanleveringen bij DUO");
        assertThat(overname).as("het werk van a binnen een minuut overgenomen").isLessThan(Duration.ofMinutes(1));

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

        // The connector agrees: one outbox item per melding, delivered, under the key DUO holds for it.
        Map<String, String> sleutelVolgensConnector = new HashMap<>();
        try (Connection db = DriverManager.getConnection(url(), "postgres", "");
             ResultSet rs = db.createStatement().executeQuery("""
                     select l.bsn, m.soort, m.begindatum, o.sleutel, m.status, o.status as werk from melding m
                     join leerling l on l.brin = m.brin and l.vestiging = m.vestiging and l.leerling_id = m.leerling_id
                     join outbox o on o.melding_id = m.id where m.kanaal = 'DUO'""")) {
            while (rs.next()) {
                assertThat(rs.getString("status")).isEqualTo("VERZONDEN");
                assertThat(rs.getString("werk")).isEqualTo("VERZONDEN");
                assertThat(sleutelVolgensConnector.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                        rs.getString(4))).as("één outbox-item per melding").isNull();
            }
        }
        assertThat(sleutelVolgensConnector).hasSize(LEERLINGEN);
        sleutelVolgensConnector.forEach((melding, sleutel) ->
                assertThat(sleutelsPerMelding.get(melding)).containsExactly(sleutel));

        // Every file read by one of the two, once ("Intake klaar: <file>: …" in its log).
        Map<String, Integer> gelezen = new HashMap<>();
        Map<String, Integer> perInstantie = new HashMap<>();
        Pattern klaar = Pattern.compile("Intake klaar: ([^:]+):");
        for (String naam : List.of("a", "b")) {
            Matcher m = klaar.matcher(Files.readString(map.resolve(naam + ".log")));
            while (m.find()) {
                gelezen.merge(m.group(1), 1, Integer::sum);
                perInstantie.merge(naam, 1, Integer::sum);
            }
        }
        System.out.println("TweeInstanties: bestanden gelezen per instantie " + perInstantie);
        assertThat(gelezen.keySet()).containsExactlyInAnyOrderElementsOf(bestanden);
        assertThat(gelezen.values()).allSatisfy(keer -> assertThat(keer).isEqualTo(1));
        assertThat(telling("select count(*) from inbox_leesslot")).isZero();
        b.destroy();
        b.waitFor(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processen) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
        duo.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    private Process start(String naam) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> opdracht = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--server.port=0",
                "--connector.sandbox=false",
                "--connector.schools=" + map.resolve("scholen.yaml"),
                "--connector.inbox=" + map.resolve("inbox"),
                "--connector.processed-dir=" + map.resolve("processed"),
                "--connector.quarantine-dir=" + map.resolve("quarantaine"),
                "--connector.log-dir=" + map.resolve("logs-" + naam),
                // no klok-start: each instance's clock would then be offset from its own start, and the leases they
                // compare would disagree by the time between the two starts
                "--connector.duo.endpoint=" + duo.baseUrl() + DUO_PAD,
                "--connector.duo.ontvanger-oin=00000001800866472000",
                "--connector.duo.gelijktijdig=2",
                "--connector.ot.base-url=" + duo.baseUrl() + "/ot",
                "--connector.ot.client-id=twee", "--connector.ot.client-secret=twee",
                "--connector.ot.webhook-secret=twee-webhook-geheim-3c9d1e7b25a4f860",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
                "--connector.mail.from=connector@twee.example",
                "--connector.outbox.poll-interval=200",
                // the leases keep their defaults (30 s): the takeover within a minute is the real one
                "--connector.intake.poll-interval=200",
                "--connector.intake.read-lock-min-age=300",
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        Process proces = new ProcessBuilder(opdracht).directory(map.toFile()).redirectErrorStream(true)
                .redirectOutput(map.resolve(naam + ".log").toFile()).start();
        processen.add(proces);
        return proces;
    }

    private String basisUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    private String url() {
        return basisUrl() + "?currentSchema=" + SCHEMA;
    }

    private boolean logBevat(String naam, String tekst) throws Exception {
        Path log = map.resolve(naam + ".log");
        return Files.exists(log) && Files.readString(log).contains(tekst);
    }

    private int telling(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url(), "postgres", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            return -1; // not migrated yet
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
