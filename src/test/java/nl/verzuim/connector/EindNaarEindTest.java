package nl.verzuim.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Mails;

/**
 * One pupil from LAS export to DUO, OT and the school's mailbox: an OSO dossier and four weeks of unexcused
 * absence go in; DUO receives a 16-uur melding over SOAP, OT a traject zorgwekkend verzuim that is then submitted,
 * and when SPPOH accepts it the school's contactpersoon gets a mail — without the pupil's name, BSN or birth date.
 */
@Tag("database")
class EindNaarEindTest extends ConnectorTestBasis {

    /** Absent every school day from Monday 26 October (after the autumn holiday) up to Friday 20 November. */
    static final String VIER_WEKEN_AFWEZIG = """
            leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
            LN094837;2026-10-26;08:30;;;ONG;niet afgemeld
            LN094837;2026-10-27;08:30;;;ONG;
            LN094837;2026-10-28;08:30;;;ONG;
            LN094837;2026-10-29;08:30;;;ONG;
            LN094837;2026-10-30;08:30;;;ONG;
            LN094837;2026-11-02;08:30;;;ONG;
            LN094837;2026-11-03;08:30;;;ONG;
            LN094837;2026-11-04;08:30;;;ONG;
            LN094837;2026-11-05;08:30;;;ONG;
            LN094837;2026-11-06;08:30;;;ONG;
            LN094837;2026-11-09;08:30;;;ONG;
            LN094837;2026-11-10;08:30;;;ONG;
            LN094837;2026-11-11;08:30;;;ONG;
            LN094837;2026-11-12;08:30;;;ONG;
            LN094837;2026-11-13;08:30;;;ONG;
            LN094837;2026-11-16;08:30;;;ONG;
            LN094837;2026-11-17;08:30;;;ONG;
            LN094837;2026-11-18;08:30;;;ONG;
            LN094837;2026-11-19;08:30;;;ONG;
            LN094837;2026-11-20;08:30;;;ONG;
            """;

    @Autowired
    CamelContext camel;

    @LocalServerPort
    int poort;

    @Test
    void eenLeerlingVanExportTotDuoOtEnMail() throws Exception {
        NotifyBuilder ingelezen = new NotifyBuilder(camel).fromRoute("intake").whenCompleted(2).create();
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        assertThat(ingelezen.matches(0, TimeUnit.SECONDS)).isFalse();
        Thread.sleep(500);
        zetInInbox("00YY00_verzuim.csv", VIER_WEKEN_AFWEZIG);
        assertThat(ingelezen.matches(30, TimeUnit.SECONDS)).as("beide bestanden ingelezen").isTrue();

        // DUO: the 16-uur melding, decided on Thursday 29 October when 1,200 minutes were reached.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !MOCK.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1"))).isEmpty());
        List<LoggedRequest> duo = MOCK.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1")));
        assertThat(duo).hasSize(1);
        Document soap = xml(duo.get(0).getBodyAsString());
        assertThat(waarde(soap, "verzuimsoort")).isEqualTo("RELATIEF_16_UUR");
        assertThat(waarde(soap, "begindatum")).isEqualTo("2026-10-26");
        assertThat(waarde(soap, "einddatum")).isEqualTo("2026-10-29");
        assertThat(waarde(soap, "aantalUrenOngeoorloofd")).isEqualTo("20.00");
        assertThat(waarde(soap, "burgerservicenummer")).isEqualTo("111222333");
        assertThat(waarde(soap, "brinnummer")).isEqualTo("00YY");
        assertThat(waarde(soap, "postcode")).isEqualTo("7331GJ");
        assertThat(waarde(soap, "To")).endsWith("?oin=" + OIN_DUO);
        assertThat(waarde(soap, "Action")).isEqualTo("urn:verzuimloket:verzuimmelding:v1/aanleverenVerzuimmelding");
        assertThat(waarde(soap, "MessageID")).startsWith("urn:uuid:");
        assertThat(aantal(soap, "registratie")).as("verzuimoverzicht: de vier getelde dagen").isEqualTo(4);
        assertThat(waarde(soap, "identificatiecodeBedrijfsdocument")).isNotBlank();
        assertThat(soap.getElementsByTagNameNS("*", "verzorger").getLength()).as("DUO krijgt geen verzorgers").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from melding where kanaal = 'DUO' and meldingsnummer is not null").query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select meldingsnummer from melding where kanaal = 'DUO'").query(String.class).single())
                .startsWith("VM-");

        // OT: the traject with categorie A from the first day of the absence, then submitted to SPPOH.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !MOCK.findAll(postRequestedFor(urlPathMatching("/ot/api/v1/trajecten/[^/]+/indienen"))).isEmpty());
        LoggedRequest aanmaken = MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten"))).get(0);
        JsonNode traject = new ObjectMapper().readTree(aanmaken.getBodyAsString());
        assertThat(traject.at("/leerling/lasId").asText()).isEqualTo("LN094837");
        assertThat(traject.at("/leerling/achternaam").asText()).isEqualTo("Berg");
        assertThat(traject.at("/leerling/geboortedatum").asText()).isEqualTo("2014-03-17");
        assertThat(traject.at("/leerling/adres/straat").asText()).as("gba-adres").isEqualTo("Adelaarslaan");
        assertThat(traject.at("/verzorgers")).as("overleden verzorgers niet").hasSize(3);
        assertThat(traject.at("/aanvragendeSchool/naam").asText()).isEqualTo("Testschool De Verrekijker");
        assertThat(traject.at("/zorgwekkendVerzuim/statusperiode/categorie").asText())
                .isEqualTo("A_LANGDURIG_RELATIEF_VERZUIM");
        assertThat(traject.at("/zorgwekkendVerzuim/statusperiode/startdatum").asText()).isEqualTo("2026-10-26");
        assertThat(traject.at("/zorgwekkendVerzuim/percentageOnderwijs/percentage").asInt()).isZero();
        LoggedRequest indienen = MOCK.findAll(postRequestedFor(urlPathMatching("/ot/api/v1/trajecten/[^/]+/indienen"))).get(0);
        assertThat(aanmaken.getHeader("Idempotency-Key")).isNotBlank();
        assertThat(indienen.getHeader("Idempotency-Key")).isNotBlank().isNotEqualTo(aanmaken.getHeader("Idempotency-Key"));
        assertThat(indienen.getHeader("Authorization")).startsWith("Bearer ");
        String trajectId = indienen.getUrl().split("/")[5];
        String otId = "OT-" + trajectId.substring(3);

        // SPPOH accepts: OT calls the webhook; the contactpersoon is mailed.
        String gebeurtenis = "{\"eventId\":\"ev-1\",\"type\":\"GEACCEPTEERD\",\"trajectId\":\"" + trajectId
                + "\",\"otId\":\"" + otId + "\",\"door\":\"M. Adviseur\",\"tijdstip\":\"2026-11-20T15:30:00Z\"}";
        HttpResponse<String> antwoord = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + poort + "/api/ot/gebeurtenissen"))
                .header("Content-Type", "application/json").header("X-OT-Signature", handtekening(gebeurtenis))
                .POST(HttpRequest.BodyPublishers.ofString(gebeurtenis)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).isEqualTo(202);

        assertThat(SMTP.waitForIncomingEmail(20_000, 1)).as("mail aan de contactpersoon").isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("verzuim@verrekijker.example");
        assertThat(mail.getSubject()).contains("geaccepteerd").contains("Testschool De Verrekijker").contains(otId);
        Map<String, String> delen = Mails.delen(mail);
        assertThat(delen).as("HTML met een platte-tekstdeel").containsKeys("text/plain", "text/html");
        for (String inhoud : delen.values()) {
            assertThat(inhoud).contains("Geaccepteerd").contains("Testschool De Verrekijker").contains(otId)
                    .contains("Vervolgstap").contains(MOCK.baseUrl() + "/ot/web/trajecten/" + trajectId);
            assertThat(inhoud).doesNotContain("111222333").doesNotContain("Berg").doesNotContain("Daan")
                    .doesNotContain("2014-03-17").doesNotContain("17-03-2014").doesNotContain("Adelaarslaan");
        }
        assertThat(jdbc.sql("select ot_status from melding where kanaal = 'OT'").query(String.class).single())
                .isEqualTo("LOPEND");
    }

    private static Document xml(String tekst) throws Exception {
        DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
        fabriek.setNamespaceAware(true);
        return fabriek.newDocumentBuilder().parse(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)));
    }

    private static String waarde(Document document, String element) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate("//*[local-name()='" + element + "'][1]", document);
    }

    private static int aantal(Document document, String element) {
        return document.getElementsByTagNameNS("*", element).getLength();
    }
}
