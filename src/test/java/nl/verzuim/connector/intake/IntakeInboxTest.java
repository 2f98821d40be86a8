package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * The intake through the real inbox route: one picture of a pupil from all files, across files and days; a file
 * read once; a crash that leaves nothing half-stored; no link followed out of the inbox; quarantine the operator
 * can see without personal data in its summary.
 */
@Tag("database")
class IntakeInboxTest extends ConnectorTestBasis {

    @Autowired
    CamelContext camel;

    @Autowired
    RegistratieRepository registraties;

    @LocalServerPort
    int poort;

    /** Absent every school day from Monday 26 October up to Friday 20 November 2026 (the test clock's today). */
    static String vierWekenAfwezig(String leerlingId) {
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        for (LocalDate dag = LocalDate.of(2026, 10, 26); !dag.isAfter(LocalDate.of(2026, 11, 20)); dag = dag.plusDays(1)) {
            if (dag.getDayOfWeek().getValue() <= 5) {
                csv.append(leerlingId).append(';').append(dag).append(";08:30;;;ONG;\n");
            }
        }
        return csv.toString();
    }

    static String edexml(String leerlingen) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <EDEX>
                  <school><schooljaar>2026-2027</schooljaar><brincode>00YY</brincode><dependancecode>00</dependancecode></school>
                  <leerlingen>
                %s  </leerlingen>
                </EDEX>
                """.formatted(leerlingen);
    }

    @Test
    void eenLeerlingAlleenUitEdexmlWachtOpHetAdresEnGaatNaarDeDuoOutboxZodraHetOsoDossierKomt() throws Exception {
        lees("00YY00_leerlingen.xml", edexml("""
                <leerling key="LN094837"><achternaam>Berg</achternaam><voorvoegsel>van de</voorvoegsel>
                  <geboortedatum>2014-03-17</geboortedatum><geslacht>1</geslacht><bsn>111222333</bsn>
                  <postcodenl>7331GJ</postcodenl></leerling>
                """));
        lees("00YY00_verzuim.csv", vierWekenAfwezig("LN094837"));

        List<Map<String, Object>> duo = jdbc.sql("select status, ontbrekende_velden from melding where kanaal = 'DUO'")
                .query().listOfRows();
        assertThat(duo).as("de 16-uursregel is bereikt").isNotEmpty();
        assertThat(duo).allSatisfy(m -> {
            assertThat(m.get("status")).isEqualTo("ONVOLLEDIG");
            assertThat((String) m.get("ontbrekende_velden")).isEqualTo("adres (straat, huisnummer, postcode, plaats)");
        });
        assertThat(jdbc.sql("select straat from leerling where leerling_id = 'LN094837'").query(String.class).optional())
                .as("geen adres verzonnen").isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from outbox o join melding m on m.id = o.melding_id where m.kanaal = 'DUO'""")
                .query(Integer.class).single()).as("niets klaar voor DUO").isZero();

        // The OSO dossier of the same pupil (leerlingid LN094837, school 00YY00) brings the address: the same
        // meldingen (no new ones) are complete now and go into the outbox for DUO.
        lees("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());

        List<Map<String, Object>> daarna = jdbc.sql("""
                select m.status, m.ontbrekende_velden, o.operatie from melding m join outbox o on o.melding_id = m.id
                where m.kanaal = 'DUO'""").query().listOfRows();
        assertThat(daarna).hasSameSizeAs(duo).allSatisfy(m -> {
            assertThat(m.get("status")).isNotEqualTo("ONVOLLEDIG");
            assertThat(m.get("ontbrekende_velden")).isNull();
            assertThat(m.get("operatie")).isEqualTo("DUO_AANLEVEREN");
        });
        assertThat(jdbc.sql("select straat from leerling where leerling_id = 'LN094837'").query(String.class).single())
                .isEqualTo("Adelaarslaan");
        assertThat(jdbc.sql("select bronnen from leerling where leerling_id = 'LN094837'").query(String.class).single())
                .isEqualTo("EDEXML,OSO");
    }

    @Test
    void eenVolgendeEdexmlWerktBekendeLeerlingenBijZonderTeWissenWatZeNietNoemt() throws Exception {
        lees("00YY00_leerlingen-ma.xml", edexml("""
                <leerling key="LK001"><achternaam>Jansen</achternaam><geboortedatum>2013-05-01</geboortedatum>
                  <geslacht>2</geslacht><bsn>111222333</bsn></leerling>
                <leerling key="LK002"><achternaam>Bakker</achternaam><geboortedatum>2012-01-09</geboortedatum>
                  <geslacht>1</geslacht></leerling>
                """));
        // the next day's export names both again (the LAS's daily export of every pupil) and a new one; LK001 married
        // into a double name, and this export leaves out her BSN and geslacht
        lees("00YY00_leerlingen-di.xml", edexml("""
                <leerling key="LK001"><achternaam>Jansen-Visser</achternaam><geboortedatum>2013-05-01</geboortedatum>
                  <geslacht>0</geslacht></leerling>
                <leerling key="LK002"><achternaam>Bakker</achternaam><geboortedatum>2012-01-09</geboortedatum>
                  <geslacht>1</geslacht></leerling>
                <leerling key="LK003"><achternaam>Smit</achternaam><geboortedatum>2014-11-30</geboortedatum>
                  <geslacht>1</geslacht></leerling>
                """));

        Map<String, Object> lk001 = jdbc.sql("select achternaam, bsn, geslacht, bronnen from leerling"
                + " where leerling_id = 'LK001'").query().singleRow();
        assertThat(lk001.get("achternaam")).isEqualTo("Jansen-Visser");
        assertThat(lk001.get("bsn")).as("not erased by an export without it").isEqualTo("111222333");
        assertThat(lk001.get("geslacht")).as("onbekend does not erase what was known").isEqualTo("VROUW");
        assertThat(lk001.get("bronnen")).isEqualTo("EDEXML");
        assertThat(jdbc.sql("select leerling_id from leerling where leerling_id like 'LK%' order by leerling_id")
                .query(String.class).list()).containsExactly("LK001", "LK002", "LK003");
    }

    @Test
    void hetzelfdeBestandTweeKeerWordtEenKeerGelezen() throws Exception {
        String csv = """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN201;2026-11-16;08:30;09:30;;UIT;
                LN201;2026-11-17;08:30;09:30;;UIT;
                """;
        lees("00YY00_dubbel.csv", csv);
        List<Long> volgnummers = volgnummers("LN201");
        assertThat(volgnummers).hasSize(2);
        Path verwerkt = bestanden(MAP.resolve("processed")).stream()
                .filter(p -> p.getFileName().toString().endsWith("-00YY00_dubbel.csv")).findFirst().orElseThrow();

        // The same file (name, size and time) dropped again, after a restart even: the database remembers it.
        NotifyBuilder klaar = klaar("00YY00_dubbel.csv");
        Path kopie = MAP.resolve("00YY00_dubbel.csv.kopie");
        Files.copy(verwerkt, kopie, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(kopie, MAP.resolve("inbox").resolve("00YY00_dubbel.csv"));
        assertThat(klaar.matches(20, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(MAP.resolve("inbox").resolve("00YY00_dubbel.csv")));

        assertThat(volgnummers("LN201")).as("niet opnieuw gelezen").isEqualTo(volgnummers);
        assertThat(MAP.resolve("inbox").resolve("00YY00_dubbel.csv")).as("niet in de inbox blijven liggen").doesNotExist();
        assertThat(bestanden(MAP.resolve("processed"))).filteredOn(p -> p.getFileName().toString()
                .endsWith("-00YY00_dubbel.csv")).as("het eerste verwerkte bestand blijft bewaard").hasSize(2);
        assertThat(jdbc.sql("select count(*) from camel_messageprocessed where messageId like '00YY00_dubbel.csv-%'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void overlappendeExportsTellenElkeRegistratieEenKeerEnDeLaatsteWint() throws Exception {
        lees("00YY00_export-maandag.csv", """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN301;2026-11-02;08:30;;60;ONG;
                LN301;2026-11-03;08:30;;60;ONG;
                LN301;2026-11-04;08:30;;60;ONG;eerst een uur
                LN301;2026-11-05;08:30;;60;ONG;
                """);
        lees("00YY00_export-dinsdag.csv", """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN301;2026-11-04;08:30;;120;ONG;toch twee uur
                LN301;2026-11-05;08:30;;60;ONG;
                LN301;2026-11-06;08:30;;60;ONG;
                LN301;2026-11-09;08:30;;60;ONG;eerste regel
                LN301;2026-11-09;08:30;;45;ONG;latere regel in hetzelfde bestand
                """);

        // What the rules are given for this pupil (MeldingService reads exactly this list).
        List<Registratie> gezien = registraties.voorLeerling("00YY", "00", "LN301");
        assertThat(gezien).extracting(Registratie::datum).containsExactlyInAnyOrder(LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 5),
                LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9));
        assertThat(gezien).filteredOn(r -> r.datum().equals(LocalDate.of(2026, 11, 4))).singleElement()
                .satisfies(r -> assertThat(r.minuten()).isEqualTo(120));
        assertThat(gezien).filteredOn(r -> r.datum().equals(LocalDate.of(2026, 11, 9))).singleElement()
                .satisfies(r -> assertThat(r.omschrijving()).isEqualTo("latere regel in hetzelfde bestand"));
        assertThat(gezien.stream().mapToInt(r -> r.minuten()).sum()).isEqualTo(60 + 60 + 120 + 60 + 60 + 45);
    }

    @Test
    void eenCrashHalverwegeLaatNietsHalfsAchterEnHetBestandWordtOpnieuwGelezen() throws Exception {
        StringBuilder csv = new StringBuilder("leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        LocalDate dag = LocalDate.of(2022, 1, 3);
        for (int i = 0; i < 1_500; i++) {
            csv.append(i == 1_400 ? "CRASH" : "LN401").append(';').append(dag.plusDays(i)).append(";08:30;;10;UIT;\n");
        }
        // The database refuses one line far into the file: after the first batch of 1,000 was stored in the file's
        // transaction, as a crash or a lost connection would.
        jdbc.sql("alter table registratie add constraint test_crash check (leerling_id <> 'CRASH')").update();
        try {
            NotifyBuilder mislukt = new NotifyBuilder(camel).fromRoute("intake").whenFailed(1).create();
            zetInInbox("00YY00_crash.csv", csv.toString());
            assertThat(mislukt.matches(20, TimeUnit.SECONDS)).isTrue();
            assertThat(jdbc.sql("select count(*) from registratie where bron_bestand = '00YY00_crash.csv'")
                    .query(Integer.class).single()).as("niets half bewaard").isZero();
            assertThat(MAP.resolve("inbox").resolve("00YY00_crash.csv")).as("blijft om opnieuw gelezen te worden").exists();
            assertThat(jdbc.sql("select count(*) from camel_messageprocessed").query(Integer.class).single()).isZero();
        } finally {
            jdbc.sql("alter table registratie drop constraint test_crash").update();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(MAP.resolve("inbox").resolve("00YY00_crash.csv")));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from registratie where bron_bestand = '00YY00_crash.csv'").query(Integer.class).single() == 1_500);
        assertThat(bestanden(MAP.resolve("processed"))).anyMatch(p -> p.getFileName().toString().endsWith("-00YY00_crash.csv"));
    }

    @Test
    void eenSymbolischeKoppelingInDeInboxWordtNietGevolgd() throws Exception {
        Path buiten = MAP.resolve("buiten-de-inbox.csv");
        Files.writeString(buiten, "leerling_id;datum;code\nLN501;2026-11-16;ONG\n", StandardCharsets.UTF_8);
        NotifyBuilder klaar = klaar("00YY00_koppeling.csv");
        Files.createSymbolicLink(MAP.resolve("inbox").resolve("00YY00_koppeling.csv"), buiten);
        assertThat(klaar.matches(20, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(MAP.resolve("inbox").resolve("00YY00_koppeling.csv"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS));

        assertThat(jdbc.sql("select count(*) from registratie").query(Integer.class).single()).isZero();
        assertThat(buiten).as("het doel blijft onaangeroerd").exists();
        Path rapport = bestanden(MAP.resolve("quarantaine")).stream()
                .filter(p -> p.getFileName().toString().endsWith("-00YY00_koppeling.csv.fout.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(rapport)).contains("een symbolische koppeling wordt niet gevolgd");
    }

    /** Issue 12, "LAS files as they are": one accent as Windows-1252 must not cost the school its day. */
    @Test
    void eenUtf8ExportMetEenAccentAlsWindows1252WordtHeelGelezenMetEenWaarschuwing() throws Exception {
        String csv = """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN701;2026-11-16;08:30;;60;ONG;
                LN702;2026-11-16;08:30;;45;TL;bus gemist
                LN703;2026-11-16;;;;ZK;naar de dokter, daarna ziek naar huis: café geïrriteerd
                LN704;2026-11-16;08:30;;60;ONG;
                """;
        lees("00YY00_excel.csv", csv.getBytes(java.nio.charset.Charset.forName("windows-1252")));

        assertThat(jdbc.sql("select count(*) from registratie where bron_bestand = '00YY00_excel.csv'")
                .query(Integer.class).single()).as("alle registraties van de dag").isEqualTo(4);
        assertThat(registraties.voorLeerling("00YY", "00", "LN703")).singleElement()
                .satisfies(r -> assertThat(r.omschrijving()).endsWith("café geïrriteerd"));
        assertThat(jdbc.sql("select count(*) from quarantaine").query(Integer.class).single())
                .as("niet in quarantaine").isZero();
        Path rapport = bestanden(MAP.resolve("processed")).stream()
                .filter(p -> p.getFileName().toString().endsWith("-00YY00_excel.csv.rapport.txt"))
                .findFirst().orElseThrow();
        assertThat(Files.readString(rapport))
                .contains("00YY00_excel.csv: 4 regels verwerkt, 1 waarschuwing(en) (zie rapport)")
                .contains("00YY00_excel.csv regel 4: het bestand is geen UTF-8 maar Windows-1252")
                .doesNotContain("LN703");
    }

    @Test
    void eenAfgewezenLeerlingStaatInQuarantaineOpDePaginaZonderPersoonsgegevensInDeSamenvatting() throws Exception {
        lees("00YY00_edexml-met-fout.xml", edexml("""
                <leerling key="LN601"><achternaam>Jansen</achternaam><geboortedatum>2013-05-06</geboortedatum>
                  <bsn>111222333</bsn></leerling>
                <leerling key="LN602"><achternaam>Pietersen</achternaam><geboortedatum>2013-07-08</geboortedatum>
                  <bsn>123456789</bsn></leerling>
                """));

        assertThat(jdbc.sql("select leerling_id from leerling").query(String.class).list()).as("de goede leerling")
                .containsExactly("LN601");
        String samenvatting = jdbc.sql("select samenvatting from quarantaine where bestand = '00YY00_edexml-met-fout.xml'")
                .query(String.class).single();
        assertThat(samenvatting).isEqualTo("00YY00_edexml-met-fout.xml: 1 leerlingen verwerkt, 1 afgewezen (zie rapport)");
        Path rapport = bestanden(MAP.resolve("quarantaine")).stream()
                .filter(p -> p.getFileName().toString().endsWith("-00YY00_edexml-met-fout.xml.fout.txt"))
                .findFirst().orElseThrow();
        assertThat(Files.readString(rapport))
                .contains("00YY00_edexml-met-fout.xml regel 8, veld 'bsn': leerling LN602: het BSN voldoet niet aan de elfproef")
                .doesNotContain("123456789").doesNotContain("Pietersen").doesNotContain("2013-07-08");

        HttpResponse<String> pagina = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + poort + "/")).header("Authorization", "Basic " + java.util.Base64
                        .getEncoder().encodeToString((LEZER + ":" + LEZER_WACHTWOORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pagina.statusCode()).isEqualTo(200);
        assertThat(pagina.body()).contains("00YY00_edexml-met-fout.xml").contains("1 afgewezen (zie rapport)")
                .doesNotContain("123456789").doesNotContain("Pietersen");
    }

    /** Drops a file into the inbox and waits until the intake route is done with it. */
    private void lees(String naam, Object inhoud) throws Exception {
        NotifyBuilder klaar = klaar(naam);
        if (inhoud instanceof byte[] bytes) {
            zetInInbox(naam, bytes);
        } else {
            zetInInbox(naam, (String) inhoud);
        }
        assertThat(klaar.matches(20, TimeUnit.SECONDS)).as(naam + " ingelezen").isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(MAP.resolve("inbox").resolve(naam),
                java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /** Matches when the intake route has completed the exchange of this one file. */
    private NotifyBuilder klaar(String naam) {
        return new NotifyBuilder(camel).fromRoute("intake")
                .filter(e -> naam.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY))).whenCompleted(1).create();
    }

    private List<Long> volgnummers(String leerlingId) {
        return jdbc.sql("select volgnummer from registratie where leerling_id = ? order by volgnummer")
                .param(leerlingId).query(Long.class).list();
    }

    private static List<Path> bestanden(Path map) throws Exception {
        if (!Files.exists(map)) {
            return List.of();
        }
        try (Stream<Path> alle = Files.walk(map)) {
            return alle.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p)).toList();
        }
    }
}
