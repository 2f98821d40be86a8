package nl.verzuim.connector.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.levensloop.LevensloopRepository;
import nl.verzuim.connector.melding.MeldingService;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.support.LevensloopTestBasis;
import nl.verzuim.connector.support.Sessie;

/**
 * The OT forms a person completes on a melding's page (issue 15): a melding of a school with
 * {@code ot_indienen: na_aanvulling} waits in the connector until a person adds hoofdoorzaak, SPPOH-adviseur,
 * toelichting and wachtlijst, then OT gets it once; on a lopende melding each form reaches OT's WireMock with the
 * body of ot-api-v1.yaml; a reading account gets no forms. The clock stands on Friday 20 November 2026.
 */
class OtPaginaTest extends LevensloopTestBasis {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MeldingService meldingService;
    @Autowired
    RegistratieRepository registraties;
    @Autowired
    Scholen scholen;
    @Autowired
    LevensloopRepository levensloop;

    @Test
    void eenMeldingNaAanvullingGaatPasNaarOtAlsEenPersoonHaarAanvultEnDanEenmaal() throws Exception {
        long id = otMeldingNaAanvulling();
        assertThat(status(id)).isEqualTo("WACHT_OP_AANVULLING");
        Thread.sleep(1_200); // several delivery rounds (200 ms)
        assertThat(trajectenAangemaakt()).as("niets naar OT zonder aanvulling").isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox where melding_id = ?").param(id).query(Integer.class)
                .single()).isZero();

        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        String pagina = beheerder.get("/meldingen/" + id).body();
        assertThat(pagina).contains("Wacht op aanvulling (OT)").contains("action=\"/meldingen/" + id + "/ot/aanvullen\"")
                .contains("value=\"A_LEERLING_WIL_NIET_NAAR_SCHOOL\"")
                .as("alleen de hoofdoorzaken van categorie A").doesNotContain("value=\"B_PSYCHISCHE_OORZAAK\"");

        // A hoofdoorzaak of the other categorie is refused with a clear message, and nothing leaves.
        assertThat(doe(beheerder, id, "aanvullen", Map.of("hoofdoorzaak", "B_PSYCHISCHE_OORZAAK",
                "sppohAdviseur", "M. Adviseur"))).contains("Niet gelukt: hoofdoorzaak B_PSYCHISCHE_OORZAAK"
                + " hoort niet bij categorie A van deze melding; kies uit A_LEERLING_WIL_NIET_NAAR_SCHOOL");
        // The API refuses it the same way.
        HttpResponse<String> api = Sessie.api(poort, "POST", "/api/meldingen/" + id + "/aanvullen",
                "{\"hoofdoorzaak\":\"B_LICHAMELIJKE_OORZAAK\",\"sppohAdviseur\":\"M. Adviseur\"}", BEHEERDER,
                BEHEERDER_WACHTWOORD);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("hoort niet bij categorie A");
        assertThat(status(id)).isEqualTo("WACHT_OP_AANVULLING");

        String ingediend = doe(beheerder, id, "aanvullen", Map.of(
                "hoofdoorzaak", "A_LEERLING_WIL_NIET_NAAR_SCHOOL", "sppohAdviseur", "M. Adviseur",
                "wachtlijst", "Jeugdhulp Noord, aangemeld 2 november",
                "toelichting", "Gesprek met ouders op 12 november."));
        assertThat(ingediend).contains("is aangevuld en gaat nu naar OT");
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(status(id)));
        List<LoggedRequest> aangemaakt = trajectenAangemaakt();
        assertThat(aangemaakt).hasSize(1);
        assertThat(aangemaakt.get(0).getHeader("Idempotency-Key")).isNotBlank();
        JsonNode verzuim = JSON.readTree(aangemaakt.get(0).getBodyAsString()).get("zorgwekkendVerzuim");
        assertThat(verzuim.get("statusperiode").get("categorie").asText()).isEqualTo("A_LANGDURIG_RELATIEF_VERZUIM");
        assertThat(verzuim.get("statusperiode").get("hoofdoorzaak").asText())
                .isEqualTo("A_LEERLING_WIL_NIET_NAAR_SCHOOL");
        assertThat(verzuim.get("sppohAdviseur").asText()).isEqualTo("M. Adviseur");
        assertThat(verzuim.get("wachtlijst").asText()).isEqualTo("Jeugdhulp Noord, aangemeld 2 november");
        assertThat(verzuim.get("toelichting").asText()).startsWith("Gesprek met ouders op 12 november.")
                .as("the connector's uitleg follows").contains("Volgens de verzuimconnector:");
        assertThat(verzuim.get("toelichting").asText().length()).isLessThanOrEqualTo(4000);
        assertThat(MOCK.findAll(postRequestedFor(urlPathMatching("/ot/api/v1/trajecten/TR-[^/]+/indienen"))))
                .hasSize(1);
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'AANGEVULD'").param(id)
                .query(String.class).single()).isEqualTo(BEHEERDER);

        // Once: a second submission (a double click, the back button) is refused and sends nothing.
        assertThat(doe(beheerder, id, "aanvullen", Map.of("hoofdoorzaak",
                "A_LEERLING_WIL_NIET_NAAR_SCHOOL", "sppohAdviseur", "M. Adviseur")))
                .contains("Niet gelukt: melding " + id + " wacht niet op aanvulling (status VERZONDEN)");
        Thread.sleep(800);
        assertThat(trajectenAangemaakt()).hasSize(1);
    }

    @Test
    void elkeActieOpEenLopendeMeldingBereiktOtMetHetLichaamVanHetContract() throws Exception {
        long id = lopendMetBekendePeriode("PAG");
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        String pagina = beheerder.get("/meldingen/" + id).body();
        assertThat(pagina).contains("/ot/interventie\"").contains("/ot/statusperiode-beeindigen\"")
                .contains("/ot/logboek\"").contains("/ot/afronden\"").contains("value=\"VRIJSTELLING\"")
                .as("een nieuwe statusperiode pas na het einde van de lopende")
                .doesNotContain("/ot/statusperiode\"");

        assertThat(doe(beheerder, id, "interventie", Map.of("soort", "INZET_LEERPLICHT",
                "startdatum", "2026-11-20", "toelichting", "gesprek gepland")))
                .contains("De interventie staat klaar voor OT.");
        pagina = doe(beheerder, id, "statusperiode-beeindigen", Map.of("einddatum", "2026-11-15"));
        assertThat(pagina).contains("/ot/statusperiode\"").doesNotContain("/ot/statusperiode-beeindigen\"");
        assertThat(doe(beheerder, id, "statusperiode", Map.of("categorie", "B_LANGDURIG_GEOORLOOFD_VERZUIM",
                "hoofdoorzaak", "A_LEERLING_WIL_NIET_NAAR_SCHOOL", "startdatum", "2026-11-16")))
                .contains("Niet gelukt: een hoofdoorzaak van categorie A hoort niet bij categorie B");
        doe(beheerder, id, "statusperiode", Map.of("categorie", "B_LANGDURIG_GEOORLOOFD_VERZUIM",
                "hoofdoorzaak", "B_PSYCHISCHE_OORZAAK", "startdatum", "2026-11-16"));
        doe(beheerder, id, "logboek", Map.of("datum", "2026-11-19",
                "tekst", "Gesprek met leerplicht gevoerd."));
        assertThat(doe(beheerder, id, "afronden", Map.of("reden", "VRIJSTELLING", "einddatum", "2026-11-20",
                "toelichting", "vrijstelling artikel 5 onder a"))).contains("De afronding staat klaar voor OT.");

        await().atMost(Duration.ofSeconds(20)).until(() -> "AFGEROND".equals(otStatus(id)));
        JsonNode interventie = enige("TR-PAG", "interventies");
        assertThat(interventie.get("soort").asText()).isEqualTo("INZET_LEERPLICHT");
        assertThat(interventie.get("startdatum").asText()).isEqualTo("2026-11-20");
        assertThat(interventie.get("toelichting").asText()).isEqualTo("gesprek gepland");
        assertThat(enige("TR-PAG", "statusperioden/SP-EERSTE/beeindigen").get("einddatum").asText())
                .isEqualTo("2026-11-15");
        JsonNode periode = enige("TR-PAG", "statusperioden");
        assertThat(periode.get("categorie").asText()).isEqualTo("B_LANGDURIG_GEOORLOOFD_VERZUIM");
        assertThat(periode.get("hoofdoorzaak").asText()).isEqualTo("B_PSYCHISCHE_OORZAAK");
        assertThat(periode.get("startdatum").asText()).isEqualTo("2026-11-16");
        List<JsonNode> logboek = lichamen("TR-PAG", "logboek");
        assertThat(logboek).allSatisfy(l -> assertThat(l.has("datum") && l.has("tekst")).isTrue());
        assertThat(logboek).anySatisfy(l -> {
            assertThat(l.get("tekst").asText()).isEqualTo("Gesprek met leerplicht gevoerd.");
            assertThat(l.get("datum").asText()).isEqualTo("2026-11-19");
        });
        JsonNode afronding = enige("TR-PAG", "afronden");
        assertThat(afronding.get("reden").asText()).isEqualTo("VRIJSTELLING");
        assertThat(afronding.get("einddatum").asText()).isEqualTo("2026-11-20");
        assertThat(afronding.get("toelichting").asText()).isEqualTo("vrijstelling artikel 5 onder a");
        assertThat(MOCK.findAll(postRequestedFor(urlPathMatching("/ot/api/v1/trajecten/TR-PAG/.*"))))
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isNotBlank());
        assertThat(jdbc.sql("select actie from audit where melding_id = ? and door = ? order by id").params(id, BEHEERDER)
                .query(String.class).list())
                .containsExactly("INTERVENTIE", "STATUSPERIODE_BEEINDIGD", "STATUSPERIODE", "LOGBOEK", "AFRONDEN");
        // afgerond: no more forms
        assertThat(beheerder.get("/meldingen/" + id).body()).doesNotContain("/ot/interventie\"")
                .doesNotContain("/ot/afronden\"");
    }

    @Test
    void logboekEnAfrondenGaanOokViaDeApiMetDezelfdeControles() throws Exception {
        long id = lopendMetBekendePeriode("API");
        HttpResponse<String> logboek = Sessie.api(poort, "POST", "/api/meldingen/" + id + "/logboek",
                "{\"datum\":\"2026-11-20\",\"tekst\":\"Huisbezoek afgesproken.\"}", BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(logboek.statusCode()).isEqualTo(202);
        HttpResponse<String> onbekend = Sessie.api(poort, "POST", "/api/meldingen/" + id + "/afronden",
                "{\"reden\":\"VERHUISD\",\"einddatum\":\"2026-11-20\"}", BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(onbekend.statusCode()).isEqualTo(400);
        assertThat(onbekend.body()).contains("VOLGT_WEER_ONDERWIJS, UITGESCHREVEN, VRIJSTELLING");
        HttpResponse<String> afronden = Sessie.api(poort, "POST", "/api/meldingen/" + id + "/afronden",
                "{\"reden\":\"VRIJSTELLING\",\"einddatum\":\"2026-11-20\"}", BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(afronden.statusCode()).isEqualTo(202);
        HttpResponse<String> nogmaals = Sessie.api(poort, "POST", "/api/meldingen/" + id + "/afronden",
                "{\"reden\":\"VRIJSTELLING\",\"einddatum\":\"2026-11-20\"}", BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(nogmaals.statusCode()).as("de afronding is al onderweg of al gedaan").isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> "AFGEROND".equals(otStatus(id)));
        assertThat(lichamen("TR-API", "afronden")).hasSize(1);
        assertThat(lichamen("TR-API", "logboek")).anySatisfy(l ->
                assertThat(l.get("tekst").asText()).isEqualTo("Huisbezoek afgesproken."));
    }

    @Test
    void eenLezendAccountZietGeenFormulierenEnKanNietsPosten() throws Exception {
        long lopend = lopendMetBekendePeriode("LEES");
        long wachtend = otMeldingNaAanvulling();
        Sessie lezer = Sessie.ingelogd(poort, LEZER, LEZER_WACHTWOORD);
        String lopendePagina = lezer.get("/meldingen/" + lopend).body();
        assertThat(lopendePagina).doesNotContain("action=\"/meldingen/" + lopend + "/ot/")
                .doesNotContain("Interventie toevoegen").doesNotContain("Afronden in OT");
        String wachtendePagina = lezer.get("/meldingen/" + wachtend).body();
        assertThat(wachtendePagina).contains("Een beheerder vult haar aan en dient haar in.")
                .doesNotContain("/ot/aanvullen");
        assertThat(lezer.post("/meldingen/" + lopend + "/ot/logboek", Map.of("tekst", "mag niet")).statusCode())
                .isEqualTo(403);
        assertThat(lezer.post("/meldingen/" + wachtend + "/ot/aanvullen", Map.of("hoofdoorzaak",
                "A_LEERLING_WIL_NIET_NAAR_SCHOOL", "sppohAdviseur", "M. Adviseur")).statusCode()).isEqualTo(403);
        Thread.sleep(800);
        assertThat(MOCK.findAll(postRequestedFor(urlPathMatching("/ot/api/v1/trajecten.*")))).isEmpty();
        assertThat(status(wachtend)).isEqualTo("WACHT_OP_AANVULLING");
    }

    /**
     * The sandbox pupil, absent every school day 26 October – 20 November (OT categorie A), judged for the test
     * school as one that chose {@code ot_indienen: na_aanvulling}.
     */
    private long otMeldingNaAanvulling() throws Exception {
        String dossier = new String(osoDossier(), StandardCharsets.UTF_8);
        zetInInbox("dossier-" + LEERLING + ".xml", dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from leerling where leerling_id = ?")
                .param(LEERLING).query(Integer.class).single() == 1);
        List<RegistratieRepository.Rij> rijen = new ArrayList<>();
        int regel = 1;
        for (LocalDate d = LocalDate.of(2026, 10, 26); !d.isAfter(LocalDate.of(2026, 11, 20)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                rijen.add(new RegistratieRepository.Rij("00YY", "00", LEERLING,
                        Registratie.heleDag(d, Afwezigheidscode.ONG), "test.csv", regel++));
            }
        }
        registraties.bewaarAlle(rijen);
        School naAanvulling = scholen.vind("00YY", "00").orElseThrow().metOtIndienen(School.OtIndienen.NA_AANVULLING);
        meldingService.herbeoordeel(naAanvulling, LEERLING, LocalDate.of(2026, 11, 20));
        return jdbc.sql("select id from melding where kanaal = 'OT' and leerling_id = ?").param(LEERLING)
                .query(Long.class).single();
    }

    /** A lopende melding whose first statusperiode OT gave an id (SP-EERSTE), so that a person can end it. */
    private long lopendMetBekendePeriode(String x) {
        long id = otMelding("LN-" + x, x, "LOPEND", LocalDate.of(2026, 10, 5));
        // judged up to today: the lifecycle's timer (LopendeMeldingBijhouden) has nothing to add while the test runs
        levensloop.bewaar(new LevensloopRepository.Stand(id, 0, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 20),
                "SP-EERSTE", "A_LANGDURIG_RELATIEF_VERZUIM", null, LocalDate.of(2026, 10, 5), null, null, null, null,
                null), Instant.parse("2026-11-20T15:00:00Z"));
        return id;
    }

    /** A form posted as the page does, then the melding's page as the browser shows it after the redirect. */
    private static String doe(Sessie sessie, long id, String actie, Map<String, String> velden) throws Exception {
        HttpResponse<String> antwoord = sessie.post("/meldingen/" + id + "/ot/" + actie, velden);
        assertThat(antwoord.statusCode()).as(actie).isEqualTo(302);
        assertThat(antwoord.headers().firstValue("Location").orElse("")).endsWith("/meldingen/" + id);
        return sessie.get("/meldingen/" + id).body();
    }

    private String status(long id) {
        return jdbc.sql("select status from melding where id = ?").param(id).query(String.class).single();
    }

    private static List<LoggedRequest> trajectenAangemaakt() {
        return MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten")));
    }

    private static List<JsonNode> lichamen(String traject, String pad) {
        return MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten/" + traject + "/" + pad))).stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.getBodyAsString());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }

    private static JsonNode enige(String traject, String pad) {
        List<JsonNode> alle = lichamen(traject, pad);
        assertThat(alle).as(pad).hasSize(1);
        return alle.get(0);
    }
}
