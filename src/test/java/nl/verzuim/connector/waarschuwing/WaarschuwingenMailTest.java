package nl.verzuim.connector.waarschuwing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Mails;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;
import nl.verzuim.connector.support.Verzuimbestanden;

/**
 * Alerts to IT (src/docs/operating.md, "Alerts to IT") as IT receives them over SMTP: one test per cause, each on a
 * chosen day, as route waarschuwingen does it with IT's address set; each alert mails once per day, names no pupil,
 * and the page shows the alerts at the top. The DUO client certificate given (made with keytool, valid from 1 November
 * to 11 December 2026) expires within 30 days of the clock's start, so that alert holds throughout.
 */
@Tag("database")
class WaarschuwingenMailTest extends ConnectorTestBasis {

    static final String IT = "it@verrekijker.example";
    static final String WACHTWOORD = "keystore-geheim";
    /** The DUO client certificate, valid from 1 November to 11 December 2026: within 30 days of the clock's start. */
    static final ConnectorInstellingen.Tls TLS = maakKeystore();

    @Autowired
    Waarschuwingen waarschuwingen;
    @LocalServerPort
    int poort;

    @Test
    void geenRegistratieExportVoorTweeSchooldagen() throws Exception {
        zetInInbox("00YY00_registraties.csv", Verzuimbestanden.vierWekenAfwezig()); // read on Fri 20 Nov 2026
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from registratie_export")
                .query(Integer.class).single() == 1);
        mail(LocalDate.of(2026, 11, 24)); // only Monday missed
        mail(LocalDate.of(2026, 11, 25)); // Monday and Tuesday missed
        mail(LocalDate.of(2026, 11, 25));
        MimeMessage mail = deEnige("geen registratie-export – school 00YY00");
        assertThat(tekst(mail)).contains("2 schooldagen geen registratie-export").contains("2026-11-20");
        assertThat(waarschuwingen.op(LocalDate.of(2026, 11, 24), TLS))
                .noneMatch(w -> w.oorzaak().name().equals("GEEN_EXPORT"));
    }

    @Test
    void eenExportZonderAfwezigheidIsOokEenExport() throws Exception {
        // a quiet week at a small school: the LAS's file for it names the school and holds no absence at all
        zetInInbox("00YY00_registraties-leeg.csv", "leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from registratie_export")
                .query(Integer.class).single() == 1);
        assertThat(waarschuwingen.op(LocalDate.of(2026, 11, 20), TLS))
                .noneMatch(w -> w.oorzaak().name().equals("GEEN_EXPORT"));
    }

    @Test
    void nogNooitEenExportIsOokEenWaarschuwing() throws Exception {
        mail(LocalDate.of(2026, 11, 20));
        assertThat(tekst(deEnige("geen registratie-export – school 00YY00"))).contains("nog nooit");
    }

    @Test
    void nieuweDodeBrieven() throws Exception {
        long melding = new Testmeldingen(jdbc).melding("00YY", "LN7001", "DUO", "RELATIEF_16_UUR", "MISLUKT",
                LocalDate.of(2026, 11, 10));
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    laatste_fout, aangemaakt) values (?, 'DUO', 'DUO_AANLEVEREN', 'dood-1', 'b-1', 'MISLUKT', 20, ?, 'x', ?)""")
                .params(melding, java.time.OffsetDateTime.parse(KLOK_START), java.time.OffsetDateTime.parse(KLOK_START))
                .update();
        mail(LocalDate.of(2026, 11, 20));
        assertThat(tekst(deEnige("mislukte afleveringen"))).contains("1 aflevering(en) opgegeven");
    }

    @Test
    void bestandenInQuarantaine() throws Exception {
        zetInInbox("00YY00_kapot.csv", "dit is geen export\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from quarantaine")
                .query(Integer.class).single() == 1);
        mail(LocalDate.of(2026, 11, 20));
        assertThat(tekst(deEnige("bestanden in quarantaine"))).contains("1 bestand(en) in quarantaine");
    }

    @Test
    void duoTermijnVerlooptMorgen() throws Exception {
        new Testmeldingen(jdbc).melding("00YY", "LN7002", "DUO", "RELATIEF_16_UUR", "WACHT_OP_GOEDKEURING",
                LocalDate.of(2026, 11, 24));
        mail(LocalDate.of(2026, 11, 22)); // two days left: nothing yet
        mail(LocalDate.of(2026, 11, 23));
        assertThat(tekst(deEnige("DUO-termijn verloopt"))).contains("1 DUO-melding(en) nog niet verzonden");
    }

    @Test
    void clientcertificaatVerlooptBinnenDertigDagen() throws Exception {
        mail(LocalDate.of(2026, 11, 20));
        assertThat(tekst(deEnige("clientcertificaat DUO"))).contains("verloopt op 2026-12-11 (over 21 dagen)");
    }

    @Test
    void schoolkalenderZonderVakantiesVoorDeKomendeWeken() throws Exception {
        mail(LocalDate.of(2026, 11, 20)); // kerstvakantie until 3 Jan 2027 lies beyond 4 weeks
        mail(LocalDate.of(2026, 12, 10)); // 7 Jan 2027: the calendar knows nothing there
        assertThat(tekst(deEnige("schoolkalender niet ingevuld – school 00YY00"))).contains("2027-01-07");
    }

    @Test
    void dePaginaToontDezelfdeWaarschuwingenBovenaan() throws Exception {
        zetInInbox("00YY00_kapot.csv", "dit is geen export\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from quarantaine")
                .query(Integer.class).single() == 1);
        String pagina = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/").body();
        int waarschuwingenBlok = pagina.indexOf("id=\"waarschuwingen\"");
        assertThat(waarschuwingenBlok).isPositive().isLessThan(pagina.indexOf("id=\"aandacht\""));
        for (var w : waarschuwingen.nu()) {
            assertThat(pagina).contains(org.springframework.web.util.HtmlUtils.htmlEscape(w.tekst()));
        }
        assertThat(waarschuwingen.nu()).extracting(w -> w.oorzaak().name()).contains("QUARANTAINE", "GEEN_EXPORT");
    }

    /** What route waarschuwingen does on that day, with IT's address and the certificate above. */
    private void mail(LocalDate dag) {
        waarschuwingen.mail(dag, IT, TLS);
    }

    private static ConnectorInstellingen.Tls maakKeystore() {
        try {
            Path keystore = MAP.resolve("school-verloopt.p12");
            if (!Files.exists(keystore)) {
                keytool("-genkeypair", "-alias", "school", "-keyalg", "RSA", "-keysize", "2048", "-startdate",
                        "2026/11/01 00:00:00", "-validity", "40", "-dname", "CN=school.verrekijker.example",
                        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", WACHTWOORD,
                        "-keypass", WACHTWOORD);
            }
            return new ConnectorInstellingen.Tls(keystore, WACHTWOORD, "PKCS12", null, null, "PKCS12");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one alert with this subject that reached IT; waits for the mail route. */
    private static MimeMessage deEnige(String onderwerp) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> !aanIt(onderwerp).isEmpty());
        TimeUnit.MILLISECONDS.sleep(500); // a second copy would have come by now: the outbox polls every 200 ms
        List<MimeMessage> mails = aanIt(onderwerp);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> aanIt(String onderwerp) throws Exception {
        List<MimeMessage> uit = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(IT))
                    && m.getSubject().endsWith(onderwerp)) {
                uit.add(m);
            }
        }
        return uit;
    }

    /** The text part, checked for what an alert never holds: a pupil. */
    private static String tekst(MimeMessage mail) throws Exception {
        String alles = String.join("\n", Mails.delen(mail).values());
        assertThat(alles).doesNotContain("LN094837").doesNotContain("LN7001").doesNotContain("LN7002")
                .doesNotContain("111222333");
        return alles;
    }

    static void keytool(String... argumenten) throws Exception {
        List<String> opdracht = new ArrayList<>();
        opdracht.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        opdracht.addAll(List.of(argumenten));
        Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        String uitvoer = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proces.waitFor(60, TimeUnit.SECONDS) || proces.exitValue() != 0) {
            throw new IllegalStateException("keytool mislukte: " + uitvoer);
        }
    }
}
