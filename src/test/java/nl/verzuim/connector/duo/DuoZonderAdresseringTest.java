package nl.verzuim.connector.duo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * A DUO that registers the melding but answers without WS-Addressing headers (no Action, MessageID, RelatesTo): its
 * answer is what counts. The meldingsnummer is stored, the melding is not sent again nor dead-lettered, and the audit
 * says the header was missing. The stub is the test's own: the sandbox's mappings keep sending the headers.
 */
class DuoZonderAdresseringTest extends AfleveringTestBasis {

    private static final String ZONDER_KOPPEN = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><tns:aanleverenVerzuimmeldingResponse xmlns:tns=\"urn:verzuimloket:verzuimmelding:v1\">"
            + "<tns:identificatiecodeBedrijfsdocument>{{xPath request.body "
            + "\"//*[local-name()='identificatiecodeBedrijfsdocument']/text()\"}}</tns:identificatiecodeBedrijfsdocument>"
            + "<tns:meldingsnummer>VM-ZONDERWSA</tns:meldingsnummer><tns:status>GEREGISTREERD</tns:status>"
            + "<tns:ontvangen>2026-11-20T10:00:00+01:00</tns:ontvangen></tns:aanleverenVerzuimmeldingResponse>"
            + "</soap:Body></soap:Envelope>";

    @Test
    void eenGeregistreerdeMeldingZonderAdresseringskoppenIsVerzondenEnWordtNietHerhaald() throws Exception {
        MOCK.stubFor(post(urlPathEqualTo(DUO_PAD)).atPriority(1).withMetadata(Map.of("test", true))
                .withRequestBody(matchingXPath("//*[local-name()='aanleverenVerzuimmeldingRequest']"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withTransformers("response-template").withBody(ZONDER_KOPPEN)));

        leerlingMetVierDagenVerzuim("LN094837");
        long id = duoMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        Thread.sleep(3_000); // several back-off periods (500 ms – 2 s): a retry would have been sent by now

        assertThat(duoVerzoeken("aanleverenVerzuimmelding")).as("precies één verzoek aan DUO").hasSize(1);
        assertThat(melding(id, "status")).isEqualTo("VERZONDEN");
        assertThat(melding(id, "meldingsnummer")).isEqualTo("VM-ZONDERWSA");
        assertThat(jdbc.sql("select status from outbox where melding_id = ?").param(id).query(String.class).single())
                .isEqualTo("VERZONDEN");
        assertThat(jdbc.sql("select pogingen from outbox where melding_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(get("/api/doodlopers").body()).isEqualTo("[]");
        assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'VERZONDEN'").param(id)
                .query(String.class).single()).contains("meldingsnummer VM-ZONDERWSA")
                .contains("zonder WS-Addressing-koppen");
    }

    @Test
    void eenAntwoordMetAdresseringskoppenKrijgtGeenOpmerking() throws Exception {
        leerlingMetVierDagenVerzuim("LN094837");
        long id = duoMelding();
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'VERZONDEN'").param(id)
                .query(String.class).single()).contains("meldingsnummer VM-").doesNotContain("WS-Addressing");
    }
}
