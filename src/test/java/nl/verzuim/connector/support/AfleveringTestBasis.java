package nl.verzuim.connector.support;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;


import static org.awaitility.Awaitility.await;

/**
 * Delivery tests: one pupil (the sandbox's OSO dossier) with four days of unexcused absence, 26–29 October 2026
 * (1,200 minutes), which makes one RELATIEF_16_UUR melding for DUO. Runs on H2 and, in the postgres profile, on
 * PostgreSQL.
 */
@Tag("database")
public abstract class AfleveringTestBasis extends ConnectorTestBasis {

    protected static final String DUO_PAD = "/duo/verzuimmelding/v1";

    protected static final String VIER_DAGEN_AFWEZIG = """
            leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
            LN094837;2026-10-26;08:30;;;ONG;
            LN094837;2026-10-27;08:30;;;ONG;
            LN094837;2026-10-28;08:30;;;ONG;
            LN094837;2026-10-29;08:30;;;ONG;
            """;

    @LocalServerPort
    protected int poort;

    /** Stubs a test adds are its own: removed afterwards, so the shared WireMock serves mappings/ again. */
    @AfterEach
    protected void stubsWeg() {
        MOCK.getStubMappings().stream().filter(s -> s.getMetadata() != null && s.getMetadata().containsKey("test"))
                .toList().forEach(MOCK::removeStub);
        MOCK.resetScenarios();
    }

    protected void leerlingMetVierDagenVerzuim(String leerlingId) throws Exception {
        String dossier = new String(osoDossier(), StandardCharsets.UTF_8).replace("LN094837", leerlingId);
        zetInInbox("dossier-" + leerlingId + ".xml", dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from leerling where leerling_id = ?")
                .param(leerlingId).query(Integer.class).single() == 1);
        zetInInbox("00YY00_verzuim-" + leerlingId + ".csv", VIER_DAGEN_AFWEZIG.replace("LN094837", leerlingId));
    }

    protected long duoMelding() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from melding where kanaal = 'DUO'").query(Integer.class).single() == 1);
        return jdbc.sql("select id from melding where kanaal = 'DUO'").query(Long.class).single();
    }

    protected static List<LoggedRequest> duoVerzoeken(String operatie) {
        return MOCK.findAll(postRequestedFor(urlPathEqualTo(DUO_PAD))).stream()
                .filter(r -> r.getBodyAsString().contains(operatie + "Request")).toList();
    }

    protected static Document xml(String tekst) throws Exception {
        DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
        fabriek.setNamespaceAware(true);
        return fabriek.newDocumentBuilder().parse(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)));
    }

    protected static String waarde(LoggedRequest verzoek, String element) throws Exception {
        return xml(verzoek.getBodyAsString()).getElementsByTagNameNS("*", element).item(0).getTextContent();
    }

    protected String melding(long id, String kolom) {
        return jdbc.sql("select " + kolom + " from melding where id = ?").param(id).query(String.class).single();
    }

    /** The actions API as a beheerder (HTTP basic): the audit trail records that login name. */
    protected HttpResponse<String> stuur(String pad, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Content-Type", "application/json").header("Authorization", basic(BEHEERDER, BEHEERDER_WACHTWOORD))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String pad) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Authorization", basic(LEZER, LEZER_WACHTWOORD)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static String basic(String gebruiker, String wachtwoord) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((gebruiker + ":" + wachtwoord)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
