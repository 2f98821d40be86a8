package nl.verzuim.connector.outbox;

import static nl.verzuim.connector.support.ConnectorProcessen.wachtTot;
import static nl.verzuim.connector.support.Testnummers.bsn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.verzuim.connector.support.ConnectorProcessen;

/**
 * The crash test: the built jar, as its own process with its own H2 file database, reads 200 pupils (OSO dossiers)
 * and a CSV that gives each of them a 16-uur melding, and delivers them to a slow DUO (WireMock in this JVM). While
 * it delivers it is killed with SIGKILL (Process.destroyForcibly), then started again on the same database. At the
 * end DUO has received every melding, each identificatiecodeBedrijfsdocument belongs to exactly one melding, and no
 * melding arrived under two keys (a melding may arrive twice under its one key: DUO answers that as the first time).
 */
class CrashIT {

    static final int LEERLINGEN = 200;

    private final ConnectorProcessen connectors = new ConnectorProcessen();
    private Path map;

    @Test
    void naEenSigkillTijdensHetAfleverenKomtElkeMeldingEenKeerMetEenSleutelAan() throws Exception {
        // DUO answers slowly: the kill falls in the middle of delivering
        map = connectors.bereid("verzuim-crash-", 100);
        String dossier = ConnectorProcessen.dossier();
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        for (int i = 1; i <= LEERLINGEN; i++) {
            String id = "LC%05d".formatted(i);
            connectors.zet("dossier-" + id + ".xml", dossier.replace("LN094837", id).replace("111222333", bsn(i)));
            for (String dag : new String[] {"2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"}) {
                csv.append(id).append(';').append(dag).append(";08:30;;;ONG;\n");
            }
        }

        Instant start = Instant.now();
        Process eerste = start(map.resolve("eerste.log"));
        wachtTot(() -> aantalLeerlingen() == LEERLINGEN, Duration.ofSeconds(60), "de dossiers ingelezen", eerste);
        connectors.zet("00YY00_verzuim.csv", csv.toString());
        wachtTot(() -> connectors.aanleveringen().size() >= 40, Duration.ofSeconds(60), "DUO ontvangt", eerste);
        eerste.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no goodbye
        assertThat(eerste.waitFor(20, TimeUnit.SECONDS)).isTrue();
        int voorDeCrash = connectors.aanleveringen().size();
        System.out.println("Crash: gedood na " + voorDeCrash + " aanleveringen bij DUO");
        assertThat(voorDeCrash).as("gedood tijdens het afleveren, niet erna").isLessThan(LEERLINGEN);

        Process tweede = start(map.resolve("tweede.log"));
        wachtTot(() -> verzondenVolgensDeConnector() == LEERLINGEN, Duration.ofSeconds(90), "alles verzonden", tweede);
        System.out.println("Crash: alles afgeleverd na " + Duration.between(start, Instant.now()).toSeconds()
                + " s, " + connectors.aanleveringen().size() + " aanleveringen bij DUO");

        // What DUO received: every melding, each key for one melding, no melding under two keys.
        Map<String, Set<String>> sleutelsPerMelding = connectors.sleutelsBijDuo(LEERLINGEN);

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
        connectors.close();
    }

    private Process start(Path log) throws Exception {
        return connectors.start("crash", log, List.of("-Xmx512m"), List.of(
                "--connector.klok-start=2026-11-20T16:00:00+01:00",
                // A killed instance's claims run out after this lease; the restarted one then takes them again.
                "--connector.outbox.lease=5s",
                "--spring.datasource.url=" + jdbcUrl()));
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
}
