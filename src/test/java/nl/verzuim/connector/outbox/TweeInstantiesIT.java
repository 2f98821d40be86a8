package nl.verzuim.connector.outbox;

import static nl.verzuim.connector.support.ConnectorProcessen.wachtTot;
import static nl.verzuim.connector.support.Testnummers.bsn;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import nl.verzuim.connector.support.ConnectorProcessen;
import nl.verzuim.connector.support.Sessie;

/**
 * Many instances (issue 13): two connectors, each the built jar in its own process, on one PostgreSQL (embedded,
 * started here) and one shared inbox folder, with the default leases (30 s). They read 60 pupils (OSO dossiers) and a
 * CSV that gives each a 16-uur melding, and deliver them to a slow DUO (WireMock in this JVM). While they deliver,
 * one is killed with SIGKILL. At the end DUO has every melding under one key (each identificatiecode belongs to
 * one melding, no melding came under two keys), the surviving connector records every melding as delivered, the work
 * the dead one held was taken over within a minute, and every file was read by exactly one of them.
 */
class TweeInstantiesIT {

    static final int LEERLINGEN = 60;
    static final String SCHEMA = "twee_instanties";

    private final ConnectorProcessen connectors = new ConnectorProcessen();
    private EmbeddedPostgres postgres;
    private Path map;

    @Test
    void eenGedodeInstantieLaatNietsLiggenEnNietsGaatTweeKeer() throws Exception {
        // DUO answers slowly: the kill falls in the middle of delivering
        map = connectors.bereid("verzuim-twee-", 300);
        postgres = EmbeddedPostgres.builder().start();
        try (Connection db = DriverManager.getConnection(basisUrl(), "postgres", "");
             Statement opdracht = db.createStatement()) {
            opdracht.execute("create schema " + SCHEMA);
        }
        String dossier = ConnectorProcessen.dossier();
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

        // behind one load balancer without sticky sessions: logged in at a, the page at b knows the login
        Sessie browser = Sessie.ingelogd(poort("a"), "beheerder", WACHTWOORD);
        assertThat(browser.op(poort("b")).get("/").statusCode()).as("ingelogd bij a, de pagina bij b").isEqualTo(200);
        int poortB = poort("b");

        for (int i = 1; i <= LEERLINGEN; i++) {
            String id = "LT%05d".formatted(i);
            connectors.zet("dossier-" + id + ".xml",
                    dossier.replace("LN094837", id).replace("111222333", bsn(500 + i)));
        }
        wachtTot(() -> telling("select count(*) from leerling") == LEERLINGEN, Duration.ofSeconds(60),
                "de dossiers ingelezen", a);
        connectors.zet("00YY00_verzuim.csv", csv.toString());
        bestanden.add("00YY00_verzuim.csv");
        wachtTot(() -> connectors.aanleveringen().size() >= 10, Duration.ofSeconds(60), "DUO ontvangt", a);

        // what a holds at the moment it dies: its claims outlive it, until their lease runs out
        String instantieA = a.pid() + "@";
        a.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no goodbye
        Instant gedood = Instant.now();
        assertThat(a.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String vanA = "select count(*) from outbox where status = 'TE_VERZENDEN' and geclaimd_door like '"
                + instantieA + "%'";
        int gehouden = telling(vanA);
        int voorDeDood = connectors.aanleveringen().size();
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
                + connectors.aanleveringen().size() + " aanleveringen bij DUO");
        assertThat(overname).as("het werk van a binnen een minuut overgenomen").isLessThan(Duration.ofMinutes(1));
        assertThat(browser.op(poortB).get("/").statusCode()).as("de login overleeft de dood van a").isEqualTo(200);

        // What DUO received: every melding, each key for one melding, no melding under two keys.
        Map<String, Set<String>> sleutelsPerMelding = connectors.sleutelsBijDuo(LEERLINGEN);

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
        connectors.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private static final String WACHTWOORD = "twee-instanties";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(WACHTWOORD);

    private Process start(String naam) throws Exception {
        return connectors.start("twee", map.resolve(naam + ".log"), List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                List.of("--connector.log-dir=" + map.resolve("logs-" + naam),
                        "--connector.beheer.accounts[0].gebruikersnaam=beheerder",
                        "--connector.beheer.accounts[0].hash=" + HASH,
                        "--connector.beheer.accounts[0].rol=beheerder", "--connector.beheer.min-kosten=4",
                        // no klok-start: each instance's clock would then be offset from its own start, and the
                        // leases they compare would disagree by the time between the two starts; the leases keep
                        // their defaults (30 s): the takeover within a minute is the real one
                        "--spring.datasource.url=" + url(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password="));
    }

    private String basisUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    private String url() {
        return basisUrl() + "?currentSchema=" + SCHEMA;
    }

    /** The port an instance's web server took (it started with server.port=0). */
    private int poort(String naam) throws Exception {
        Matcher m = Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(map.resolve(naam + ".log")));
        if (!m.find()) {
            throw new IllegalStateException(naam + " noemt geen poort in zijn log");
        }
        return Integer.parseInt(m.group(1));
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
}
