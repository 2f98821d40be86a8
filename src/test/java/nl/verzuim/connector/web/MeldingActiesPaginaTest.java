package nl.verzuim.connector.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * The page's buttons for approving, withdrawing and retrying: each is a form with its CSRF token, and each action
 * lands in the audit trail with the login name of who did it.
 */
class MeldingActiesPaginaTest extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    Sessie beheerder;

    @BeforeEach
    void leerlingEnLogin() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from leerling").query(Integer.class).single() == 1);
        beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
    }

    long wachtend(String soort) {
        return new Testmeldingen(jdbc).melding("00YY", "LN094837", "DUO", soort, "WACHT_OP_GOEDKEURING",
                LocalDate.of(2026, 11, 24));
    }

    List<Map<String, Object>> audit(long id, String actie) {
        return jdbc.sql("select door, details from audit where melding_id = ? and actie = ?").params(id, actie)
                .query().listOfRows();
    }

    @Test
    void goedkeurenOpDePaginaStuurtDeMeldingEnSchrijftWieHetDeed() throws Exception {
        long id = wachtend("LUXE");
        String pagina = beheerder.get("/").body();
        assertThat(pagina).contains("/meldingen/" + id + "/goedkeuren").contains("Goedkeuren");

        assertThat(beheerder.postZonderToken("/meldingen/" + id + "/goedkeuren", Map.of()).statusCode())
                .as("zonder CSRF-token").isEqualTo(403);
        assertThat(audit(id, "GOEDGEKEURD")).isEmpty();

        HttpResponse<String> antwoord = beheerder.post("/meldingen/" + id + "/goedkeuren", Map.of());
        assertThat(antwoord.statusCode()).isEqualTo(302);
        assertThat(antwoord.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/#aandacht"));
        assertThat(beheerder.get("/").body()).contains("Melding #" + id + " is goedgekeurd");
        assertThat(audit(id, "GOEDGEKEURD")).singleElement().satisfies(r -> assertThat(r.get("door")).isEqualTo(BEHEERDER));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !MOCK.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1"))).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> "VERZONDEN".equals(
                jdbc.sql("select status from melding where id = ?").param(id).query(String.class).single()));

        // Approving again is refused with a message, not an error page.
        beheerder.post("/meldingen/" + id + "/goedkeuren", Map.of());
        assertThat(beheerder.get("/").body()).contains("Niet gelukt").contains("wacht niet op goedkeuring");
    }

    @Test
    void intrekkenOpDePaginaMetRedenSchrijftWieHetDeed() throws Exception {
        long id = wachtend("RELATIEF_16_UUR");
        assertThat(beheerder.get("/meldingen/" + id).body()).contains("Intrekken").contains("name=\"reden\"");

        HttpResponse<String> zonderReden = beheerder.post("/meldingen/" + id + "/intrekken", Map.of("terug", "melding"));
        assertThat(zonderReden.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/meldingen/" + id));
        assertThat(beheerder.get("/meldingen/" + id).body()).contains("Niet gelukt").contains("reden is verplicht");

        beheerder.post("/meldingen/" + id + "/intrekken", Map.of("terug", "melding",
                "reden", "ziekmelding kwam te laat binnen"));
        assertThat(beheerder.get("/meldingen/" + id).body()).contains("wordt ingetrokken").contains("Ingetrokken")
                .contains("ziekmelding kwam te laat binnen").contains(BEHEERDER);
        assertThat(audit(id, "INGETROKKEN")).singleElement().satisfies(r -> {
            assertThat(r.get("door")).isEqualTo(BEHEERDER);
            assertThat((String) r.get("details")).contains("ziekmelding kwam te laat binnen");
        });
        assertThat(jdbc.sql("select status from melding where id = ?").param(id).query(String.class).single())
                .isEqualTo("INGETROKKEN");
        assertThat(MOCK.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1")))).as("nooit verzonden").isEmpty();
    }

    @Test
    void eenDoodloperOpnieuwProberenSchrijftWieHetDeed() throws Exception {
        long id = new Testmeldingen(jdbc).melding("00YY", "LN094837", "DUO", "LUXE", "MISLUKT", LocalDate.of(2026, 11, 24));
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    aangemaakt, laatste_fout) values (?, 'DUO', 'DUO_AANLEVEREN', 'doodloper-1', 'urn:uuid:d1', 'MISLUKT', 20,
                    timestamp with time zone '2026-11-20 10:00:00+00', timestamp with time zone '2026-11-20 10:00:00+00',
                    'DUO onbereikbaar')""").param(id).update();
        String pagina = beheerder.get("/").body();
        assertThat(pagina).contains("DUO onbereikbaar").contains("/meldingen/" + id + "/opnieuw");
        beheerder.post("/meldingen/" + id + "/opnieuw", Map.of("terug", "overzicht"));
        assertThat(audit(id, "OPNIEUW")).singleElement().satisfies(r -> assertThat(r.get("door")).isEqualTo(BEHEERDER));
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(
                jdbc.sql("select status from melding where id = ?").param(id).query(String.class).single()));
        assertThat(MOCK.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1"))).get(0).getBodyAsString())
                .contains("doodloper-1");
    }

    @Test
    void eenTeruggezetteMeldingOpnieuwIndienenSchrijftWieHetDeed() throws Exception {
        long id = new Testmeldingen(jdbc).melding("00YY", "LN094837", "OT", "A_LANGDURIG_RELATIEF_VERZUIM", "VERZONDEN",
                null, null, "TERUGGEZET", java.time.OffsetDateTime.parse("2026-11-12T10:00:00+01:00"));
        jdbc.sql("update melding set traject_id = 'TR-PAGINA', ot_id = 'OT-PAGINA', terugzet_reden = 'verzuimoverzicht ontbreekt' where id = ?")
                .param(id).update();
        assertThat(beheerder.get("/").body()).contains("/meldingen/" + id + "/opnieuw-indienen");
        assertThat(beheerder.get("/meldingen/" + id).body()).contains("verzuimoverzicht ontbreekt")
                .contains("Opnieuw indienen bij SPPOH");

        beheerder.post("/meldingen/" + id + "/opnieuw-indienen", Map.of("terug", "melding",
                "toelichting", "verzuimoverzicht toegevoegd"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "INGEDIEND".equals(
                jdbc.sql("select ot_status from melding where id = ?").param(id).query(String.class).single()));
        assertThat(MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten/TR-PAGINA/indienen")))).hasSize(1);
        assertThat(audit(id, "OPNIEUW_INDIENEN")).singleElement().satisfies(r -> assertThat(r.get("door")).isEqualTo(BEHEERDER));
        assertThat(beheerder.get("/").body()).contains("<b>0</b>teruggezet door SPPOH")
                .doesNotContain("/meldingen/" + id + "/opnieuw-indienen");
    }
}
