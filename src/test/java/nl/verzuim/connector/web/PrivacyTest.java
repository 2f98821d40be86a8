package nl.verzuim.connector.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import nl.verzuim.connector.support.AfleveringTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Verzuimbestanden;

/**
 * Privacy by design (domain §5): what went to DUO and OT is kept exactly as sent and shown in the melding's history;
 * a parent's inzage is answered for the pupil's own school only; the access log records who looked, without
 * personal data.
 */
class PrivacyTest extends AfleveringTestBasis {

    static final String BSN = "111222333";
    static final String INZAGE = """
            {"brin":"00YY","vestiging":"00","leerlingId":"LN094837"}""";

    /** The sandbox pupil with four weeks of absence: a DUO melding and an OT traject leave. */
    void allesVerzonden() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        Thread.sleep(500);
        zetInInbox("00YY00_verzuim.csv", Verzuimbestanden.vierWekenAfwezig());
        await().atMost(Duration.ofSeconds(40)).until(() ->
                !MOCK.findAll(postRequestedFor(urlPathMatching("/ot/api/v1/trajecten/[^/]+/indienen"))).isEmpty()
                        && jdbc.sql("select count(*) from verzonden_bericht where beantwoord is not null")
                        .query(Integer.class).single() >= 3);
    }

    @Test
    void watNaarDuoEnOtGingWordtBewaardZoalsHetVerzondenIs() throws Exception {
        allesVerzonden();
        long duo = jdbc.sql("select id from melding where kanaal = 'DUO'").query(Long.class).single();
        Map<String, Object> soap = jdbc.sql("select * from verzonden_bericht where melding_id = ?").param(duo)
                .query().singleRow();
        // byte for byte what DUO (WireMock) received, and DUO's answer beside it
        assertThat(soap.get("verzoek")).isEqualTo(duoVerzoeken("aanleverenVerzuimmelding").get(0).getBodyAsString());
        assertThat((String) soap.get("antwoord")).contains(melding(duo, "meldingsnummer"));
        assertThat(soap.get("sleutel")).isEqualTo(waarde(duoVerzoeken("aanleverenVerzuimmelding").get(0),
                "identificatiecodeBedrijfsdocument"));

        long ot = jdbc.sql("select id from melding where kanaal = 'OT'").query(Long.class).single();
        String traject = jdbc.sql("""
                select verzoek from verzonden_bericht where melding_id = ? and operatie = 'OT_TRAJECT_AANMAKEN'""")
                .param(ot).query(String.class).single();
        assertThat(traject).isEqualTo(MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten"))).get(0)
                .getBodyAsString());

        // the history names what went out and when; the messages themselves (personal data) one click further
        JsonNode detail = new ObjectMapper().readTree(get("/api/meldingen/" + duo).body());
        assertThat(detail.at("/verzonden/0/kanaal").asText()).isEqualTo("DUO");
        assertThat(detail.at("/verzonden/0/httpStatus").asInt()).isEqualTo(200);
        assertThat(detail.toString()).doesNotContain(BSN);
        assertThat(get("/api/meldingen/" + duo + "/verzonden").body()).contains(BSN);
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(beheerder.get("/meldingen/" + duo).body()).contains("Verzonden berichten")
                .contains("AANLEVEREN").doesNotContain(BSN);
        assertThat(beheerder.get("/meldingen/" + duo + "/verzonden").body()).contains(BSN);
    }

    @Test
    void inzageGeeftAllesAanDeEigenSchoolEnNietsAanEenAndere() throws Exception {
        allesVerzonden();
        HttpResponse<String> antwoord = stuur("/api/inzage", INZAGE);
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(200);
        JsonNode dossier = new ObjectMapper().readTree(antwoord.body());
        assertThat(dossier.at("/leerling/bsn").asText()).isEqualTo(BSN);
        assertThat(dossier.at("/leerling/achternaam").asText()).isEqualTo("Berg");
        assertThat(dossier.at("/leerling/bronnen").asText()).isNotBlank();
        assertThat(dossier.at("/verzorgers").size()).isPositive();
        assertThat(dossier.at("/registraties").size()).isEqualTo(20);
        assertThat(dossier.at("/registraties/0/bron_bestand").asText()).isEqualTo("00YY00_verzuim.csv");
        assertThat(dossier.at("/meldingen").size()).isGreaterThanOrEqualTo(2);
        assertThat(dossier.at("/meldingen/0/melding/uitleg").asText()).isNotBlank();
        assertThat(dossier.toString()).contains("burgerservicenummer").contains("lasId")
                .contains("VM-"); // the SOAP as sent, the OT JSON as sent, DUO's answer

        // the printable page: the pupil in the form, never in the address
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        HttpResponse<String> pagina = beheerder.post("/inzage",
                Map.of("brin", "00YY", "vestiging", "00", "leerlingId", "LN094837"));
        assertThat(pagina.statusCode()).isEqualTo(200);
        assertThat(pagina.uri().toString()).doesNotContain("LN094837");
        assertThat(pagina.body()).contains(BSN).contains("00YY00_verzuim.csv").contains("Adelaarslaan");

        // another school's account: the pupil does not exist for it; a lezer may not hand out a dossier
        HttpResponse<String> andere = Sessie.api(poort, "POST", "/api/inzage", INZAGE, SCHOOLBEHEERDER,
                SCHOOLBEHEERDER_WACHTWOORD);
        assertThat(andere.statusCode()).isEqualTo(404);
        assertThat(andere.body()).doesNotContain(BSN).doesNotContain("Berg");
        // the same answer as for a pupil nobody knows: the refusal tells nothing
        assertThat(Sessie.api(poort, "POST", "/api/inzage", INZAGE.replace("LN094837", "LN-ONBEKEND"), BEHEERDER,
                BEHEERDER_WACHTWOORD).body()).isEqualTo(andere.body());
        assertThat(Sessie.api(poort, "POST", "/api/inzage", INZAGE, LEZER, LEZER_WACHTWOORD).statusCode())
                .isEqualTo(403);
    }

    @Test
    void deToegangslogZegtWieWelkeLeerlingBekeekZonderPersoonsgegevens() throws Exception {
        allesVerzonden();
        long duo = jdbc.sql("select id from melding where kanaal = 'DUO'").query(Long.class).single();
        assertThat(get("/api/meldingen/" + duo).statusCode()).isEqualTo(200);
        Sessie beheerder = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(beheerder.get("/meldingen/" + duo).statusCode()).isEqualTo(200);
        assertThat(stuur("/api/inzage", INZAGE).statusCode()).isEqualTo(200);

        HttpResponse<String> log = get("/api/toegangslog");
        assertThat(log.statusCode()).isEqualTo(200);
        JsonNode regels = new ObjectMapper().readTree(log.body());
        assertThat(regels).hasSize(3);
        assertThat(regels.findValuesAsText("wat")).containsExactly("INZAGE", "MELDING", "MELDING");
        assertThat(regels.findValuesAsText("gebruiker")).containsExactly(BEHEERDER, BEHEERDER, LEZER);
        // one pupil, one pseudonym: the log can answer "who looked at this child" without naming it
        assertThat(regels.findValuesAsText("leerling")).containsOnly(regels.get(0).get("leerling").asText());
        assertThat(log.body()).doesNotContain(BSN).doesNotContain("LN094837").doesNotContain("Berg")
                .doesNotContain("2014-03-17").doesNotContain("Adelaarslaan");
        // for board-wide accounts only
        assertThat(Sessie.api(poort, "GET", "/api/toegangslog", null, SCHOOLBEHEERDER, SCHOOLBEHEERDER_WACHTWOORD)
                .statusCode()).isEqualTo(403);
    }
}
