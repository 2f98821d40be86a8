package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.Verzuimbestanden;
import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * The page as the operator sees it: what needs attention highlighted, per school the meldingen, no personal data
 * beyond the LAS key, and forms that only work with their CSRF token.
 */
class BeheerPaginaTest extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    /** The table row of one melding on the page (rows carry data-melding="id"). */
    static String rij(String pagina, long id) {
        Matcher m = Pattern.compile("<tr class=\"([^\"]*)\"\\s+data-melding=\"" + id + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(pagina);
        assertThat(m.find()).as("rij van melding " + id).isTrue();
        return m.group(1) + "|" + m.group(2);
    }

    @Test
    void watAandachtVraagtStaatBovenaanEnValtOp() throws Exception {
        Testmeldingen t = new Testmeldingen(jdbc);
        long teLaat = t.melding("00YY", "LN-TE-LAAT", "DUO", "RELATIEF_16_UUR", "ONVOLLEDIG", LocalDate.of(2026, 11, 18));
        long opTijd = t.melding("00YY", "LN-OP-TIJD", "DUO", "LUXE", "TE_VERZENDEN", LocalDate.of(2026, 11, 24));
        long terug = t.melding("00YY", "LN-TERUG", "OT", "A_LANGDURIG_RELATIEF_VERZUIM", "VERZONDEN", null, null,
                "TERUGGEZET", OffsetDateTime.parse("2026-11-12T10:00:00+01:00"));
        long wacht = t.melding("00YY", "LN-WACHT", "DUO", "LUXE", "WACHT_OP_GOEDKEURING", LocalDate.of(2026, 11, 25));

        String pagina = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/").body();
        assertThat(pagina).contains("Testschool De Verrekijker").contains("00YY00");
        assertThat(rij(pagina, teLaat)).startsWith("te-laat|").contains("te laat").contains("18-11-2026");
        assertThat(rij(pagina, opTijd)).startsWith("gewoon|").doesNotContain("te laat");
        assertThat(rij(pagina, terug)).startsWith("teruggezet|").contains("teruggezet");
        assertThat(rij(pagina, wacht)).startsWith("wacht|").contains("Wacht op goedkeuring");
        assertThat(pagina).contains("<b>1</b>te laat bij DUO").contains("<b>1</b>teruggezet door SPPOH")
                .contains("<b>1</b>wachten op goedkeuring");

        // Once resubmitted (OT status no longer TERUGGEZET) the highlight goes.
        jdbc.sql("update melding set ot_status = 'INGEDIEND' where id = ?").param(terug).update();
        String daarna = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/").body();
        assertThat(rij(daarna, terug)).startsWith("gewoon|");
        assertThat(daarna).contains("<b>0</b>teruggezet door SPPOH");

        String filter = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD).get("/?school=00YY00&termijnVerstreken=true").body();
        assertThat(filter.split("data-melding=\"" + teLaat + "\"", -1)).as("bovenaan en bij de school").hasSize(3);
        assertThat(filter).doesNotContain("data-melding=\"" + opTijd + "\"");
    }

    @Test
    void geenPersoonsgegevensOpDePaginaBehalveDeLasSleutel() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        Thread.sleep(500);
        zetInInbox("00YY00_verzuim.csv", Verzuimbestanden.vierWekenAfwezig());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("select count(*) from melding where kanaal = 'DUO'").query(Integer.class).single() > 0);
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        String pagina = beheerder.get("/").body();
        assertThat(pagina).contains("LN094837").contains("RELATIEF_16_UUR");
        long id = jdbc.sql("select id from melding where kanaal = 'DUO'").query(Long.class).list().get(0);
        String detail = beheerder.get("/meldingen/" + id).body();
        assertThat(detail).contains("Geschiedenis").contains("BESLOTEN");
        for (String tekst : new String[] {pagina, detail}) {
            assertThat(tekst).doesNotContain("111222333").doesNotContain("Berg").doesNotContain("Daan")
                    .doesNotContain("Adelaarslaan").doesNotContain("2014-03-17").doesNotContain("17-03-2014")
                    .doesNotContain("7331GJ");
        }
    }

    @Test
    void eenFormulierZonderCsrfTokenWordtGeweigerd() throws Exception {
        zetInInbox("00YY00_kapot.csv", "leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving\nLN1;gisteren;;;;ONG;\n");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from quarantaine").query(Integer.class).single() == 1);
        long id = jdbc.sql("select id from quarantaine").query(Long.class).single();
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(beheerder.get("/").body()).contains("Opnieuw inlezen").contains("Overig verzuim melden");

        // A forged form from another site: the session cookie comes along, the token does not.
        HttpResponse<String> vervalst = beheerder.postZonderToken("/quarantaine/" + id + "/opnieuw-inlezen", Map.of());
        assertThat(vervalst.statusCode()).isEqualTo(403);
        HttpResponse<String> vervalstOverig = beheerder.postZonderToken("/meldingen/overig", Map.of("school", "00YY00",
                "leerlingId", "LN1", "begindatum", "2026-11-16", "toelichting", "x"));
        assertThat(vervalstOverig.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from quarantaine where id = ?").param(id).query(Integer.class).single())
                .as("nog in quarantaine").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from melding").query(Integer.class).single()).isZero();

        // The page's own form, with its token: done, and back to the page with a message.
        HttpResponse<String> echt = beheerder.post("/quarantaine/" + id + "/opnieuw-inlezen", Map.of());
        assertThat(echt.statusCode()).isEqualTo(302);
        assertThat(echt.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/#quarantaine"));
        assertThat(beheerder.get("/").body()).contains("00YY00_kapot.csv staat weer in de inbox");
        assertThat(jdbc.sql("select count(*) from quarantaine where id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select door from audit where actie = 'OPNIEUW_INGELEZEN'").query(String.class).single())
                .isEqualTo(BEHEERDER);
    }

    @Test
    void overigVerzuimViaHetFormulier() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from leerling").query(Integer.class).single() == 1);
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        HttpResponse<String> antwoord = beheerder.post("/meldingen/overig", Map.of("school", "00YY00",
                "leerlingId", "LN094837", "begindatum", "2026-11-16", "einddatum", "", "toelichting", "spijbelt op vrijdag"));
        assertThat(antwoord.statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from melding where soort = 'OVERIG'").query(Long.class).single();
        assertThat(antwoord.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/meldingen/" + id));
        String detail = beheerder.get("/meldingen/" + id).body();
        assertThat(detail).contains("Melding overig verzuim gemaakt").contains("Overig verzuim").contains("HANDMATIG_GEMELD")
                .contains(BEHEERDER);
        HttpResponse<String> nogEens = beheerder.post("/meldingen/overig", Map.of("school", "00YY00",
                "leerlingId", "LN094837", "begindatum", "2026-11-16", "toelichting", "nog eens"));
        assertThat(beheerder.get(nogEens.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "")
                .replace("#overig", "")).body()).contains("niet gemaakt").contains("al een melding");
    }

    /** Domain §4: LRV by hand for a categorie A pupil, through the page's form; refused for a pupil who is not. */
    @Test
    void lrvMetDeHandViaHetFormulier() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from leerling").query(Integer.class).single() == 1);
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        Map<String, String> formulier = Map.of("school", "00YY00", "leerlingId", "LN094837", "begindatum", "2026-10-26",
                "einddatum", "2026-11-19", "toelichting", "categorie A, niet aaneengesloten");
        HttpResponse<String> geweigerd = beheerder.post("/meldingen/lrv", formulier);
        assertThat(geweigerd.statusCode()).isEqualTo(302);
        assertThat(beheerder.get("/").body()).contains("Melding langdurig relatief verzuim niet gemaakt")
                .contains("categorie A");

        new nl.verzuim.connector.support.Testmeldingen(jdbc).melding("00YY", "LN094837", "OT",
                "A_LANGDURIG_RELATIEF_VERZUIM", "VERZONDEN", null, null, "LOPEND",
                java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));
        HttpResponse<String> antwoord = beheerder.post("/meldingen/lrv", formulier);
        assertThat(antwoord.statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from melding where soort = 'LANGDURIG_RELATIEF'").query(Long.class).single();
        assertThat(antwoord.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/meldingen/" + id));
        assertThat(beheerder.get("/meldingen/" + id).body()).contains("Melding langdurig relatief verzuim gemaakt")
                .contains("Langdurig relatief verzuim").contains("HANDMATIG_GEMELD").contains(BEHEERDER);
    }
}
