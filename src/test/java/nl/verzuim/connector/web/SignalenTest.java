package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.mail.Signaaloverzicht;
import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Mails;
import nl.verzuim.connector.support.Sessie;

/**
 * The school's own signals (issue 15) in a running connector, as a school sees them: the schools file
 * {@code scholen-signalen.yaml} gives 00YY00 seed 002's policy ({@code signalen:}, the README's example) and 22BB00
 * none. The same export for both: 00YY00 gets its own signals beside the ZAS signal, stored and never sent, shown on
 * the page's attention block until a beheerder marks them besproken (audited with the login), and a daily digest
 * without pupil data; 22BB00 gets exactly what it got before signals existed. The clock stands at Friday
 * 20 November 2026, 16:00.
 */
class SignalenTest extends ConnectorTestBasis {

    static final String KOP = "leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\n";
    /**
     * LN094837 te laat 10 minutes on 2–6 November (the 3rd te-laat registration of the school year on wo 4-11:
     * TE_LAAT step 3), ziek from di 10-11 to wo 18-11: the 4th and 6th school day of that ziekmelding are vr 13-11 and
     * di 17-11 (ZIEKTEDAG 4 and 6), the 7th is wo 18-11 (ZAS, begindatum 10-11). Nothing reaches a DUO or OT rule.
     */
    static final String EXPORT = KOP
            + "LN094837;2026-11-02;08:30;;10;TL;\nLN094837;2026-11-03;08:30;;10;TL;\nLN094837;2026-11-04;08:30;;10;TL;\n"
            + "LN094837;2026-11-05;08:30;;10;TL;\nLN094837;2026-11-06;08:30;;10;TL;\n"
            + "LN094837;2026-11-10;;;;ZK;\nLN094837;2026-11-11;;;;ZK;\nLN094837;2026-11-12;;;;ZK;\n"
            + "LN094837;2026-11-13;;;;ZK;\nLN094837;2026-11-16;;;;ZK;\nLN094837;2026-11-17;;;;ZK;\n"
            + "LN094837;2026-11-18;;;;ZK;\n";
    /** The next export: the same, and a 6th te-laat registration on ma 9-11 (TE_LAAT step 6). */
    static final String VOLGENDE_EXPORT = EXPORT + "LN094837;2026-11-09;08:30;;10;TL;\n";

    static Path map;

    @LocalServerPort
    int poort;

    @Autowired
    CamelContext camel;

    @Autowired
    Signaaloverzicht signaaloverzicht;

    @DynamicPropertySource
    static void scholenMetSignalen(DynamicPropertyRegistry r) {
        map = eigenMap(r, "scholen-signalen.yaml");
        r.add("connector.beheer.basis-url", () -> "https://verzuim.verrekijker.example/");
    }

    @Test
    void eigenSignalenWordenBewaardGetoondBesprokenEnNooitVerzonden() throws Exception {
        leesExportVoorBeideScholen(EXPORT);

        assertThat(signalen("00YY")).containsExactly(
                "TE_LAAT 2026-11-04 GESIGNALEERD", "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN 2026-11-10 GESIGNALEERD",
                "ZIEKTEDAG 2026-11-13 GESIGNALEERD", "ZIEKTEDAG 2026-11-17 GESIGNALEERD");
        assertThat(jdbc.sql("select count(*) from melding where kanaal <> 'SIGNAAL'").query(Integer.class).single())
                .as("geen DUO- of OT-melding").isZero();
        assertThat(jdbc.sql("select count(*) from outbox").query(Integer.class).single()).as("niets naar DUO/OT")
                .isZero();
        // the school without signalen: gets what every school got before: the national signal only
        assertThat(signalen("22BB")).containsExactly("ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN 2026-11-10 GESIGNALEERD");

        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        String pagina = beheerder.get("/").body();
        String blok = pagina.substring(pagina.indexOf("id=\"signalen\""), pagina.indexOf("id=\"te-laat\""));
        assertThat(blok).contains("Testschool De Verrekijker").contains("4 open signalen").contains("Te laat komen")
                .contains("Ziektedag 4 en 6").contains("ZAS: 7e ziektedag aaneengesloten")
                .contains("Testschool Zonder Signalen").contains("1 open signaal");
        long teLaat = id("00YY", "TE_LAAT");
        assertThat(blok).contains("/meldingen/" + teLaat + "/besproken");

        assertThat(beheerder.postZonderToken("/meldingen/" + teLaat + "/besproken", Map.of()).statusCode())
                .as("zonder CSRF-token").isEqualTo(403);
        Sessie lezer = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD);
        assertThat(lezer.get("/").body()).contains("id=\"signalen\"").doesNotContain("/besproken");
        assertThat(lezer.post("/meldingen/" + teLaat + "/besproken", Map.of()).statusCode()).as("lezer").isEqualTo(403);
        Sessie andereSchool = Sessie.ingelogd(poort, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD);
        assertThat(andereSchool.get("/").body()).as("alleen de eigen school (00ZZ00)").doesNotContain("id=\"signalen\"");
        assertThat(andereSchool.post("/meldingen/" + teLaat + "/besproken", Map.of()).statusCode()).isEqualTo(404);
        assertThat(status(teLaat)).isEqualTo("GESIGNALEERD");

        HttpResponse<String> besproken = beheerder.post("/meldingen/" + teLaat + "/besproken", Map.of());
        assertThat(besproken.statusCode()).isEqualTo(302);
        assertThat(status(teLaat)).isEqualTo("BESPROKEN");
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'BESPROKEN'").param(teLaat)
                .query(String.class).list()).containsExactly(BEHEERDER);
        String daarna = beheerder.get("/").body();
        assertThat(daarna).contains("Signaal #" + teLaat + " is besproken").contains("3 open signalen")
                .doesNotContain("/meldingen/" + teLaat + "/besproken");

        // the API: the open signals per school, and besproken once (then 409)
        HttpResponse<String> open = Sessie.api(poort, "GET", "/api/signalen", null, BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("\"school\":\"00YY00\"").contains("\"aantal\":3")
                .contains("\"school\":\"22BB00\"").doesNotContain("\"id\":" + teLaat + ",");
        long zas = id("22BB", "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN");
        assertThat(Sessie.api(poort, "POST", "/api/meldingen/" + zas + "/besproken", null, BEHEERDER,
                BEHEERDER_WACHTWOORD).body()).contains("\"status\":\"BESPROKEN\"");
        assertThat(Sessie.api(poort, "POST", "/api/meldingen/" + zas + "/besproken", null, BEHEERDER,
                BEHEERDER_WACHTWOORD).statusCode()).as("al besproken").isEqualTo(409);
        assertThat(Sessie.api(poort, "POST", "/api/meldingen/" + teLaat + "/besproken", null, LEZER,
                LEZER_WACHTWOORD).statusCode()).isEqualTo(403);

        // a later export that holds the same days does not bring a besproken signal back
        leesExportVoorBeideScholen(VOLGENDE_EXPORT);
        assertThat(signalen("00YY")).containsExactly(
                "TE_LAAT 2026-11-04 BESPROKEN", "TE_LAAT 2026-11-09 GESIGNALEERD",
                "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN 2026-11-10 GESIGNALEERD",
                "ZIEKTEDAG 2026-11-13 GESIGNALEERD", "ZIEKTEDAG 2026-11-17 GESIGNALEERD");
    }

    @Test
    void hetDagelijkseOverzichtTeltSignalenZonderLeerlinggegevensEenKeerPerDag() throws Exception {
        leesExportVoorBeideScholen(EXPORT);
        LocalDateTime vandaag = LocalDateTime.of(2026, 11, 20, 16, 0);

        assertThat(signaaloverzicht.mail(LocalDateTime.of(2026, 11, 20, 6, 59))).as("voor 07:00").isZero();
        signaaloverzicht.mail(vandaag); // the route's own timer may have placed it already: either way, one mail
        assertThat(signaaloverzicht.mail(vandaag)).as("dezelfde dag nog eens").isZero();
        assertThat(mailsleutels()).containsExactly("signalen:00YY00:2026-11-20");

        MimeMessage mail = ontvangen(1).get(0);
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("verzuim@verrekijker.example");
        assertThat(mail.getSubject()).isEqualTo("Signalen voor Testschool De Verrekijker: 4 nieuw (20 november 2026)");
        for (String deel : Mails.delen(mail).values()) {
            assertThat(deel).contains("https://verzuim.verrekijker.example/#signalen").contains("ZIEKTEDAG")
                    .contains("TE_LAAT").contains("ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN");
            // no pupil: not the LAS key, the name, the BSN or the birth date of the dossier
            assertThat(deel).doesNotContain("LN094837").doesNotContain("Berg").doesNotContain("Daan")
                    .doesNotContain("111222333").doesNotContain("2014");
        }
        assertThat(Mails.delen(mail).get("text/plain")).contains("2 × Ziektedag 4 en 6 (ZIEKTEDAG)")
                .contains("1 × Te laat komen (TE_LAAT)").contains("in totaal: 4");

        assertThat(signaaloverzicht.mail(vandaag.plusDays(1))).as("de dag erna: niets nieuw, geen mail").isZero();

        leesExportVoorBeideScholen(VOLGENDE_EXPORT);
        assertThat(signaaloverzicht.mail(vandaag.plusDays(1))).as("een nieuw signaal").isEqualTo(1);
        assertThat(signaaloverzicht.mail(vandaag.plusDays(1))).isZero();
        MimeMessage tweede = ontvangen(2).get(1);
        assertThat(tweede.getSubject()).isEqualTo("Signalen voor Testschool De Verrekijker: 1 nieuw (21 november 2026)");
        assertThat(Mails.delen(tweede).get("text/plain")).contains("1 × Te laat komen (TE_LAAT)")
                .doesNotContain("ZIEKTEDAG").contains("in totaal: 5");
        assertThat(mailsleutels()).as("22BB00 heeft geen signalen: en krijgt geen overzicht")
                .containsExactly("signalen:00YY00:2026-11-20", "signalen:00YY00:2026-11-21");
    }

    /** The dossier and the export for both schools (the same pupil at each), each read without faults. */
    private void leesExportVoorBeideScholen(String export) throws Exception {
        for (String brin : List.of("00YY", "22BB")) {
            if (jdbc.sql("select count(*) from leerling where brin = ?").param(brin).query(Integer.class).single() == 0) {
                lees("dossier-" + brin + ".xml", new String(osoDossier(), StandardCharsets.UTF_8).replace("00YY", brin));
            }
            lees(brin + "00_verzuim_" + System.nanoTime() + ".csv", export);
        }
    }

    private void lees(String naam, String inhoud) throws Exception {
        leesZonderFouten(camel, map, naam, inhoud);
    }

    private List<String> signalen(String brin) {
        return jdbc.sql("select soort, begindatum, status from melding where brin = ? and kanaal = 'SIGNAAL'"
                        + " order by soort, begindatum").param(brin)
                .query((rs, i) -> rs.getString("soort") + " " + rs.getDate("begindatum").toLocalDate() + " "
                        + rs.getString("status")).list();
    }

    private long id(String brin, String soort) {
        return jdbc.sql("select min(id) from melding where brin = ? and soort = ?").params(brin, soort)
                .query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from melding where id = ?").param(id).query(String.class).single();
    }

    private List<String> mailsleutels() {
        return jdbc.sql("select sleutel from mail_outbox where soort = 'signaaloverzicht' order by sleutel")
                .query(String.class).list();
    }

    private static List<MimeMessage> ontvangen(int aantal) {
        await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length >= aantal);
        return List.of(SMTP.getReceivedMessages());
    }
}
