package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * Bad input goes to the quarantine folder with a report a person can act on, and never stops the intake: the next
 * file is read as usual.
 */
class QuarantaineTest extends ConnectorTestBasis {

    @Autowired
    CamelContext camel;

    @org.springframework.boot.test.web.server.LocalServerPort
    int poort;

    @Test
    void kapotteXmlGaatInQuarantaineEnHetVolgendeBestandWordtGewoonGelezen() throws Exception {
        NotifyBuilder eerste = new NotifyBuilder(camel).fromRoute("intake")
                .filter(e -> "kapot.xml".equals(e.getMessage().getHeader("CamelFileNameOnly"))).whenCompleted(1).create();
        zetInInbox("kapot.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <dossier xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier">
                  <metadata>
                    <deeldossier>LASLVS</deeldossier>
                </dossier>
                """);
        assertThat(eerste.matches(20, TimeUnit.SECONDS)).isTrue();

        List<Path> inQuarantaine = bestanden(MAP.resolve("quarantaine"));
        assertThat(inQuarantaine).anyMatch(p -> p.getFileName().toString().endsWith("-kapot.xml"));
        Path rapport = inQuarantaine.stream().filter(p -> p.getFileName().toString().endsWith("-kapot.xml.fout.txt"))
                .findFirst().orElseThrow();
        String tekst = Files.readString(rapport, StandardCharsets.UTF_8);
        assertThat(tekst).contains("Bestand: kapot.xml").contains("afgekeurd").contains("geen goed gevormde XML")
                .contains("kapot.xml regel 5");
        assertThat(MAP.resolve("inbox").resolve("kapot.xml")).doesNotExist();
        assertThat(jdbc.sql("select samenvatting from quarantaine").query(String.class).single())
                .startsWith("kapot.xml: afgekeurd");

        // this file's own intake, not a later step of the one before
        NotifyBuilder tweede = new NotifyBuilder(camel).fromRoute("intake")
                .filter(e -> "00YY00_na-de-kapotte.csv".equals(e.getMessage().getHeader("CamelFileNameOnly")))
                .whenCompleted(1).create();
        zetInInbox("00YY00_na-de-kapotte.csv", """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN777;2026-11-16;08:30;09:30;;ONG;
                """);
        assertThat(tweede.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.sql("select count(*) from registratie where leerling_id = 'LN777'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(bestanden(MAP.resolve("processed"))).anyMatch(p -> p.getFileName().toString()
                .endsWith("-00YY00_na-de-kapotte.csv"));
    }

    /** Issue 12: a file read as Windows-1252 that also has a bad line shows both in the report the page shows. */
    @Test
    void eenWindows1252BestandMetEenFouteRegelToontFoutEnWaarschuwingInHetRapportVanDePagina() throws Exception {
        NotifyBuilder klaar = new NotifyBuilder(camel).fromRoute("intake").whenCompleted(1).create();
        zetInInbox("00YY00_excel-met-fout.csv", """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN511;2026-11-16;08:30;;;ONG;café
                LN511;2026-11-17;08:30;;;XYZ;
                """.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(klaar.matches(20, TimeUnit.SECONDS)).isTrue();
        long id = jdbc.sql("select id from quarantaine where bestand = '00YY00_excel-met-fout.csv'").query(Long.class)
                .single();
        var antwoord = nl.verzuim.connector.support.Sessie.api(poort, "GET", "/api/quarantaine/" + id, null, LEZER,
                LEZER_WACHTWOORD);
        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.body()).contains("1 regels verwerkt, 1 afgewezen, 1 waarschuwing(en) (zie rapport)")
                .contains("Fouten:").contains("regel 3, veld 'code'")
                .contains("Waarschuwingen:").contains("00YY00_excel-met-fout.csv regel 2: het bestand is geen UTF-8 maar"
                        + " Windows-1252");
    }

    @Test
    void eenAfgewezenRegelGaatMetRapportInQuarantaineEnDeGoedeRegelsTellen() throws Exception {
        NotifyBuilder klaar = new NotifyBuilder(camel).fromRoute("intake").whenCompleted(1).create();
        zetInInbox("00YY00_met-fout.csv", """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN501;2026-11-16;08:30;;;ONG;
                LN501;2026-13-01;08:30;;;ONG;
                LN501;2026-11-17;08:30;;;XYZ;
                LN501;2026-11-18;08:30;;;TL;
                """);
        assertThat(klaar.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.sql("select count(*) from registratie where leerling_id = 'LN501'").query(Integer.class).single())
                .isEqualTo(2);
        Path rapport = bestanden(MAP.resolve("quarantaine")).stream()
                .filter(p -> p.getFileName().toString().endsWith("-00YY00_met-fout.csv.fout.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(rapport))
                .contains("2 regels verwerkt, 2 afgewezen")
                .contains("00YY00_met-fout.csv regel 3, veld 'datum': '2026-13-01' is geen datum")
                .contains("00YY00_met-fout.csv regel 4, veld 'code': onbekende code 'XYZ'");
    }

    private static List<Path> bestanden(Path map) throws Exception {
        if (!Files.exists(map)) {
            return List.of();
        }
        try (Stream<Path> alle = Files.walk(map)) {
            return alle.filter(Files::isRegularFile).toList();
        }
    }
}
