package nl.verzuim.connector.duo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * DUO delivery as DUO sees it: one identificatiecodeBedrijfsdocument and one MessageID per melding on every try,
 * WS-Addressing to ?oin=&lt;DUO&gt;, outages and time-outs survived with back-off, final faults parked as dead
 * letters with their code and reason (and sent again, under the same key, when a person asks), withdrawals and
 * status questions.
 */
class DuoAfleveringTest extends AfleveringTestBasis {

    @Autowired
    ProducerTemplate producer;

    @Test
    void duoEerstPlatEnTraagDaarnaWeerBereikbaarKrijgtDeMeldingEenKeerMetDezelfdeSleutel() throws Exception {
        // DUO answers 503, then does not answer within the receive time-out (2 s here), then is back.
        MOCK.stubFor(post(urlPathEqualTo(DUO_PAD)).atPriority(1).withMetadata(Map.of("test", true))
                .withRequestBody(matchingXPath("//*[local-name()='aanleverenVerzuimmeldingRequest']"))
                .inScenario("duo-plat").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("traag")
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        MOCK.stubFor(post(urlPathEqualTo(DUO_PAD)).atPriority(1).withMetadata(Map.of("test", true))
                .withRequestBody(matchingXPath("//*[local-name()='aanleverenVerzuimmeldingRequest']"))
                .inScenario("duo-plat").whenScenarioStateIs("traag").willSetStateTo("terug")
                .willReturn(aResponse().withStatus(503).withFixedDelay(3_000)));

        leerlingMetVierDagenVerzuim("LN094837");
        long id = duoMelding();
        // While DUO is away the term runs out: the melding reaches DUO after its uiterste melddatum.
        jdbc.sql("update melding set uiterste_melddatum = date '2026-11-13' where id = ?").param(id).update();
        await().atMost(Duration.ofSeconds(30)).until(() -> "VERZONDEN".equals(melding(id, "status")));

        List<LoggedRequest> pogingen = duoVerzoeken("aanleverenVerzuimmelding");
        assertThat(pogingen).as("503, time-out, dan geregistreerd").hasSize(3);
        String sleutel = waarde(pogingen.get(0), "identificatiecodeBedrijfsdocument");
        String berichtId = waarde(pogingen.get(0), "MessageID");
        for (LoggedRequest poging : pogingen) {
            assertThat(waarde(poging, "identificatiecodeBedrijfsdocument")).isEqualTo(sleutel);
            assertThat(waarde(poging, "MessageID")).isEqualTo(berichtId).startsWith("urn:uuid:");
            assertThat(waarde(poging, "To")).isEqualTo(MOCK.baseUrl() + DUO_PAD + "?oin=" + OIN_DUO);
            assertThat(waarde(poging, "Action")).isEqualTo("urn:verzuimloket:verzuimmelding:v1/aanleverenVerzuimmelding");
        }
        // Back-off: 500 ms after the first failure, 1 s after the second (connector.outbox.backoff-start 500ms).
        assertThat(Duration.between(pogingen.get(0).getLoggedDate().toInstant(), pogingen.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(Duration.between(pogingen.get(1).getLoggedDate().toInstant(), pogingen.get(2).getLoggedDate().toInstant()))
                .as("time-out van 2 s plus 1 s back-off").isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
        assertThat(melding(id, "meldingsnummer")).isEqualTo("VM-" + sleutel.substring(0, 8).toUpperCase());
        assertThat(jdbc.sql("select pogingen from outbox where melding_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit where melding_id = ? and actie = 'VERZONDEN'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'VERZONDEN'").param(id)
                .query(String.class).single()).contains("te laat: na de uiterste melddatum 13-11-2026");
        assertThat(get("/api/meldingen/" + id).body()).as("DUO registreerde haar op 20-11, na 13-11")
                .contains("\"duoVerzondenOp\":\"2026-11-20\"").contains("\"teLaatVerzonden\":true");
        assertThat(get("/meldingen/" + id).body()).as("de pagina van de melding").contains("te laat verzonden");
    }

    @Test
    void eenDefinitieveFoutWordtEenDoodloperMetCodeEnRedenEnWordtNietEindeloosHerhaald() throws Exception {
        MOCK.stubFor(post(urlPathEqualTo(DUO_PAD)).atPriority(1).withMetadata(Map.of("test", true))
                .withRequestBody(matchingXPath("//*[local-name()='aanleverenVerzuimmeldingRequest']"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withTransformers("response-template")
                        .withBody(fout("V002", "ongeldig burgerservicenummer of onderwijsnummer"))));

        leerlingMetVierDagenVerzuim("LN094837");
        long id = duoMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "MISLUKT".equals(melding(id, "status")));
        Thread.sleep(3_000); // several back-off periods (500 ms – 2 s): a retryable failure would have been sent again
        assertThat(duoVerzoeken("aanleverenVerzuimmelding")).as("niet opnieuw verzonden").hasSize(1);
        assertThat(melding(id, "laatste_fout")).contains("V002").contains("ongeldig burgerservicenummer");

        HttpResponse<String> doodlopers = get("/api/doodlopers");
        assertThat(doodlopers.statusCode()).isEqualTo(200);
        assertThat(doodlopers.body()).contains("\"meldingId\":" + id).contains("\"kanaal\":\"DUO\"")
                .contains("\"operatie\":\"DUO_AANLEVEREN\"").contains("\"code\":\"V002\"")
                .contains("ongeldig burgerservicenummer").contains("\"pogingen\":1")
                .doesNotContain("111222333").doesNotContain("Berg").doesNotContain("2014-03-17");

        // The school fixes it at DUO's side; a person sends it again: same key, and it arrives.
        String sleutel = waarde(duoVerzoeken("aanleverenVerzuimmelding").get(0), "identificatiecodeBedrijfsdocument");
        stubsWeg();
        HttpResponse<String> opnieuw = stuur("/api/meldingen/" + id + "/opnieuw", null);
        assertThat(opnieuw.statusCode()).isEqualTo(200);
        assertThat(opnieuw.body()).contains("\"status\":\"TE_VERZENDEN\"").doesNotContain("111222333");
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        List<LoggedRequest> pogingen = duoVerzoeken("aanleverenVerzuimmelding");
        assertThat(pogingen).hasSize(2);
        assertThat(waarde(pogingen.get(1), "identificatiecodeBedrijfsdocument")).isEqualTo(sleutel);
        assertThat(get("/api/doodlopers").body()).isEqualTo("[]");
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'OPNIEUW'").param(id)
                .query(String.class).single()).isEqualTo(BEHEERDER);
        assertThat(stuur("/api/meldingen/" + id + "/opnieuw", null).statusCode()).as("niets meer om opnieuw te doen")
                .isEqualTo(409);
    }

    @Test
    void eenVerzondenMeldingWordtBijDuoIngetrokkenMetDeRedenEnEenEigenSleutel() throws Exception {
        leerlingMetVierDagenVerzuim("LN094837");
        long id = duoMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        String meldingsnummer = melding(id, "meldingsnummer");

        assertThat(stuur("/api/meldingen/" + id + "/intrekken", "{}").statusCode()).as("reden verplicht").isEqualTo(400);
        HttpResponse<String> antwoord = stuur("/api/meldingen/" + id + "/intrekken",
                "{\"reden\": \"verkeerde leerling gekoppeld\"}");
        assertThat(antwoord.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "INGETROKKEN".equals(melding(id, "status")));

        List<LoggedRequest> intrekken = duoVerzoeken("intrekkenVerzuimmelding");
        assertThat(intrekken).hasSize(1);
        assertThat(waarde(intrekken.get(0), "meldingsnummer")).isEqualTo(meldingsnummer);
        assertThat(waarde(intrekken.get(0), "reden")).isEqualTo("verkeerde leerling gekoppeld");
        assertThat(waarde(intrekken.get(0), "identificatiecodeBedrijfsdocument")).isNotEqualTo(
                waarde(duoVerzoeken("aanleverenVerzuimmelding").get(0), "identificatiecodeBedrijfsdocument"));
        assertThat(waarde(intrekken.get(0), "Action")).isEqualTo("urn:verzuimloket:verzuimmelding:v1/intrekkenVerzuimmelding");
        assertThat(waarde(intrekken.get(0), "To")).endsWith("?oin=" + OIN_DUO);
        assertThat(melding(id, "duo_status")).isEqualTo("INGETROKKEN");
        assertThat(stuur("/api/meldingen/" + id + "/intrekken", "{\"reden\": \"nog eens\"}").statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit where melding_id = ? and actie in ('INTREKKEN_GEVRAAGD', 'INGETROKKEN')")
                .param(id).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void deDuoStatusVanVerzondenMeldingenWordtBijgehouden() throws Exception {
        leerlingMetVierDagenVerzuim("LN094837");
        long id = duoMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        assertThat(melding(id, "duo_status")).isEqualTo("GEREGISTREERD");

        producer.sendBody("direct:duo-status", "");

        assertThat(melding(id, "duo_status")).isEqualTo("IN_BEHANDELING");
        List<LoggedRequest> vragen = duoVerzoeken("opvragenMeldingstatus");
        assertThat(vragen).hasSize(1);
        assertThat(waarde(vragen.get(0), "meldingsnummer")).isEqualTo(melding(id, "meldingsnummer"));
        assertThat(waarde(vragen.get(0), "Action")).isEqualTo("urn:verzuimloket:verzuimmelding:v1/opvragenMeldingstatus");
        assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'DUO_STATUS'").param(id)
                .query(String.class).single()).contains("GEREGISTREERD -> IN_BEHANDELING");
    }

    @Test
    void onbekendeMeldingGeeft404() throws Exception {
        assertThat(stuur("/api/meldingen/987654/goedkeuren", null).statusCode()).isEqualTo(404);
        assertThat(stuur("/api/meldingen/987654/opnieuw", null).statusCode()).isEqualTo(404);
    }

    static String fout(String code, String omschrijving) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header>"
                + "<wsa:Action>http://www.w3.org/2005/08/addressing/soap/fault</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:{{randomValue type='UUID'}}</wsa:MessageID>"
                + "<wsa:RelatesTo>{{xPath request.body \"//*[local-name()='MessageID']/text()\"}}</wsa:RelatesTo>"
                + "</soap:Header><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + code + " " + omschrijving + "</faultstring><detail>"
                + "<tns:verzuimmeldingFout xmlns:tns=\"urn:verzuimloket:verzuimmelding:v1\"><tns:code>" + code
                + "</tns:code><tns:omschrijving>" + omschrijving + "</tns:omschrijving><tns:herhaalbaar>false"
                + "</tns:herhaalbaar></tns:verzuimmeldingFout></detail></soap:Fault></soap:Body></soap:Envelope>";
    }
}
