package nl.verzuim.connector.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * The operator API as a script uses it (HTTP basic): search by school, kanaal, status and deadline (the clock
 * says Friday 20 November 2026), a melding with its history, quarantined files re-read, and an OVERIG melding
 * filed by hand that DUO receives.
 */
class BeheerApiTest extends ConnectorTestBasis {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int poort;

    Testmeldingen testmeldingen;

    @BeforeEach
    void maak() {
        testmeldingen = new Testmeldingen(jdbc);
    }

    JsonNode get(String pad) throws Exception {
        HttpResponse<String> antwoord = Sessie.api(poort, "GET", pad, null, LEZER, LEZER_WACHTWOORD);
        assertThat(antwoord.statusCode()).as(pad + ": " + antwoord.body()).isEqualTo(200);
        return JSON.readTree(antwoord.body());
    }

    static List<String> leerlingen(JsonNode lijst) {
        List<String> ids = new ArrayList<>();
        lijst.forEach(m -> ids.add(m.get("leerlingId").asText()));
        return ids;
    }

    @Test
    void zoekenOpSchoolKanaalStatusEnTermijn() throws Exception {
        // Deadline yesterday, not at DUO: overdue. Deadline today: not yet. Sent: never overdue.
        testmeldingen.melding("00YY", "TE-LAAT", "DUO", "RELATIEF_16_UUR", "WACHT_OP_GOEDKEURING", LocalDate.of(2026, 11, 19));
        testmeldingen.melding("00YY", "VANDAAG", "DUO", "LUXE", "ONVOLLEDIG", LocalDate.of(2026, 11, 20));
        testmeldingen.melding("00YY", "VERZONDEN", "DUO", "RELATIEF_16_UUR", "VERZONDEN", LocalDate.of(2026, 11, 1),
                "VM-1", null, OffsetDateTime.parse("2026-11-02T10:00:00+01:00"));
        testmeldingen.melding("00YY", "TERUG", "OT", "A_LANGDURIG_RELATIEF_VERZUIM", "VERZONDEN", null, null,
                "TERUGGEZET", OffsetDateTime.parse("2026-11-12T10:00:00+01:00"));
        testmeldingen.melding("11AA", "ANDERE-SCHOOL", "DUO", "LUXE", "MISLUKT", LocalDate.of(2026, 11, 2));

        assertThat(leerlingen(get("/api/meldingen?termijnVerstreken=true"))).containsExactlyInAnyOrder("TE-LAAT", "ANDERE-SCHOOL");
        assertThat(leerlingen(get("/api/meldingen?school=00YY00&termijnVerstreken=true"))).containsExactly("TE-LAAT");
        assertThat(leerlingen(get("/api/meldingen?school=11AA"))).containsExactly("ANDERE-SCHOOL");
        assertThat(leerlingen(get("/api/meldingen?kanaal=OT"))).containsExactly("TERUG");
        assertThat(leerlingen(get("/api/meldingen?teruggezet=true"))).containsExactly("TERUG");
        assertThat(leerlingen(get("/api/meldingen?status=VERZONDEN&kanaal=DUO"))).containsExactly("VERZONDEN");
        assertThat(leerlingen(get("/api/meldingen"))).hasSize(5);

        JsonNode teLaat = get("/api/meldingen?school=00YY00&termijnVerstreken=true").get(0);
        assertThat(teLaat.get("termijnVerstreken").asBoolean()).isTrue();
        assertThat(teLaat.get("uitersteMelddatum").asText()).isEqualTo("2026-11-19");
        assertThat(get("/api/meldingen?teruggezet=true").get(0).get("teruggezet").asBoolean()).isTrue();

        assertThat(Sessie.api(poort, "GET", "/api/meldingen?school=Berg", null, LEZER, LEZER_WACHTWOORD).statusCode())
                .as("alleen een schoolcode").isEqualTo(400);
        assertThat(Sessie.api(poort, "GET", "/api/meldingen?status=BESTAAT_NIET", null, LEZER, LEZER_WACHTWOORD)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void eenMeldingMetHaarGeschiedenis() throws Exception {
        long id = testmeldingen.melding("00YY", "LN1", "DUO", "RELATIEF_16_UUR", "VERZONDEN", LocalDate.of(2026, 11, 17),
                "VM-2026-000123", null, OffsetDateTime.parse("2026-11-10T09:00:00+01:00"));
        jdbc.sql("""
                insert into audit (tijdstip, melding_id, actie, ontvanger, details, door) values
                (timestamp with time zone '2026-11-10 08:00:00+00', ?, 'BESLOTEN', 'DUO', 'RELATIEF_16_UUR', 'regels'),
                (timestamp with time zone '2026-11-10 09:00:00+00', ?, 'VERZONDEN', 'DUO', 'meldingsnummer VM-2026-000123 (GEREGISTREERD)', 'connector')""")
                .params(id, id).update();
        jdbc.sql("""
                insert into outbox (melding_id, kanaal, operatie, sleutel, bericht_id, status, pogingen, volgende_poging,
                    aangemaakt, verzonden) values (?, 'DUO', 'DUO_AANLEVEREN', 'sleutel-1', 'urn:uuid:1', 'VERZONDEN', 2,
                    timestamp with time zone '2026-11-10 08:00:00+00', timestamp with time zone '2026-11-10 08:00:00+00',
                    timestamp with time zone '2026-11-10 09:00:00+00')""").param(id).update();

        JsonNode detail = get("/api/meldingen/" + id);
        assertThat(detail.at("/melding/meldingsnummer").asText()).isEqualTo("VM-2026-000123");
        assertThat(detail.at("/uitleg").asText()).isEqualTo("testuitleg");
        assertThat(detail.at("/geschiedenis")).hasSize(2);
        assertThat(detail.at("/geschiedenis/1/actie").asText()).isEqualTo("VERZONDEN");
        assertThat(detail.at("/geschiedenis/1/ontvanger").asText()).isEqualTo("DUO");
        assertThat(detail.at("/geschiedenis/1/details").asText()).contains("VM-2026-000123");
        assertThat(detail.at("/geschiedenis/1/tijdstip").asText()).isEqualTo("2026-11-10T09:00:00Z");
        assertThat(detail.at("/afleveringen/0/pogingen").asInt()).isEqualTo(2);
        assertThat(detail.at("/afleveringen/0/verzonden").asText()).isEqualTo("2026-11-10T09:00:00Z");
        assertThat(Sessie.api(poort, "GET", "/api/meldingen/999999", null, LEZER, LEZER_WACHTWOORD).statusCode()).isEqualTo(404);
    }

    @Test
    void eenBestandUitQuarantaineOpnieuwInlezen() throws Exception {
        zetInInbox("00YY00_kapot.csv", """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN1;2026-11-02;08:30;;;ONG;
                LN1;2026-13-45;08:30;;;ONG;
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> !get("/api/quarantaine").isEmpty());
        JsonNode lijst = get("/api/quarantaine");
        assertThat(lijst).hasSize(1);
        long id = lijst.get(0).get("id").asLong();
        assertThat(lijst.get(0).get("bestand").asText()).isEqualTo("00YY00_kapot.csv");
        assertThat(lijst.get(0).get("aantalFouten").asInt()).isEqualTo(1);
        JsonNode een = get("/api/quarantaine/" + id);
        assertThat(een.get("rapport").asText()).contains("regel 3").contains("datum");

        HttpResponse<String> herlees = Sessie.api(poort, "POST", "/api/quarantaine/" + id + "/opnieuw-inlezen", null,
                BEHEERDER, BEHEERDER_WACHTWOORD);
        assertThat(herlees.statusCode()).as(herlees.body()).isEqualTo(202);
        // Read again as a new file (not set aside as the file already read): it comes back with a new report.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode nu = get("/api/quarantaine");
            return nu.size() == 1 && nu.get(0).get("id").asLong() != id;
        });
        assertThat(jdbc.sql("select count(*) from audit where actie = 'OPNIEUW_INGELEZEN' and door = ?")
                .param(BEHEERDER).query(Integer.class).single()).isEqualTo(1);
        try (var processed = Files.walk(MAP.resolve("processed"))) {
            assertThat(processed.filter(Files::isRegularFile).map(Path::toString)
                    .filter(p -> p.endsWith("00YY00_kapot.csv")).toList()).as("niet ongelezen opzijgezet").isEmpty();
        } catch (java.nio.file.NoSuchFileException geenMap) {
            // nothing processed at all
        }
        assertThat(Sessie.api(poort, "POST", "/api/quarantaine/" + id + "/opnieuw-inlezen", null, BEHEERDER,
                BEHEERDER_WACHTWOORD).statusCode()).as("al teruggezet").isEqualTo(404);
    }

    @Test
    void overigVerzuimMetDeHandGaatNaarDuo() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from leerling").query(Integer.class).single() == 1);
        String verzoek = """
                {"brin":"00YY","vestiging":"00","leerlingId":"LN094837","begindatum":"2026-11-09",
                 "einddatum":"2026-11-13","toelichting":"komt steeds te laat; besproken met leerplicht"}""";
        HttpResponse<String> antwoord = Sessie.api(poort, "POST", "/api/meldingen/overig", verzoek, BEHEERDER,
                BEHEERDER_WACHTWOORD);
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(201);
        long id = JSON.readTree(antwoord.body()).at("/melding/id").asLong();
        assertThat(antwoord.headers().firstValue("Location")).hasValue("/api/meldingen/" + id);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                !MOCK.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1"))).isEmpty());
        LoggedRequest duo = MOCK.findAll(postRequestedFor(urlPathEqualTo("/duo/verzuimmelding/v1"))).get(0);
        assertThat(duo.getBodyAsString()).contains(">OVERIG<").contains(">2026-11-09<").contains(">2026-11-13<")
                .doesNotContain("besproken met leerplicht");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/api/meldingen/" + id).at("/melding/status").asText().equals("VERZONDEN"));
        JsonNode detail = get("/api/meldingen/" + id);
        assertThat(detail.at("/melding/soort").asText()).isEqualTo("OVERIG");
        assertThat(detail.at("/melding/meldingsnummer").asText()).startsWith("VM-");
        assertThat(detail.at("/uitleg").asText()).contains(BEHEERDER).contains("besproken met leerplicht");
        assertThat(detail.at("/geschiedenis/0/actie").asText()).isEqualTo("HANDMATIG_GEMELD");
        assertThat(detail.at("/geschiedenis/0/door").asText()).isEqualTo(BEHEERDER);

        assertThat(Sessie.api(poort, "POST", "/api/meldingen/overig", verzoek, BEHEERDER, BEHEERDER_WACHTWOORD)
                .statusCode()).as("dezelfde begindatum nog eens").isEqualTo(409);
        assertThat(Sessie.api(poort, "POST", "/api/meldingen/overig", verzoek.replace("LN094837", "LN-ONBEKEND"),
                BEHEERDER, BEHEERDER_WACHTWOORD).statusCode()).as("onbekende leerling").isEqualTo(404);
        assertThat(Sessie.api(poort, "POST", "/api/meldingen/overig", verzoek.replace("2026-11-09", "2026-12-01"),
                BEHEERDER, BEHEERDER_WACHTWOORD).statusCode()).as("in de toekomst").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from melding where soort = 'OVERIG'").query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * Domain §2: the uiterste melddatum is 5 werkdagen after the decision, public holidays excluded. Decided on
     * Wednesday 1 April 2026 (the connector replays the days, so a past spring export decides it then): Thursday 2
     * April counts, Goede Vrijdag 3 April and Tweede Paasdag 6 April do not, then 7, 8, 9 and 10 April.
     */
    @Test
    void eenMeldingBeslotenVoorPasenToontDeUitersteMelddatumInWerkdagen() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from leerling").query(Integer.class).single() == 1);
        zetInInbox("00YY00_voorjaar.csv", """
                leerling_id;datum;begintijd;eindtijd;minuten;code;omschrijving
                LN094837;2026-03-31;08:30;;480;ONG;
                LN094837;2026-04-01;08:30;;480;ONG;
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/meldingen?kanaal=DUO").size() == 1);
        JsonNode melding = get("/api/meldingen?kanaal=DUO").get(0);
        assertThat(melding.get("soort").asText()).isEqualTo("RELATIEF_16_UUR");
        assertThat(melding.get("beslotenOp").asText()).isEqualTo("2026-04-01");
        assertThat(melding.get("uitersteMelddatum").asText()).isEqualTo("2026-04-10");
        assertThat(get("/api/meldingen/" + melding.get("id").asLong()).at("/uitleg").asText())
                .contains("Uiterlijk melden bij DUO: 10-04-2026 (5 werkdagen na 01-04-2026");
    }

    /** Two beheerders file the same overig melding at the same moment: one is made, the other gets 409, never 500. */
    @Test
    void tweeGelijkeOverigeMeldingenTegelijkGevenEenMeldingEnEen409() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from leerling").query(Integer.class).single() == 1);
        String verzoek = """
                {"brin":"00YY","vestiging":"00","leerlingId":"LN094837","begindatum":"2026-11-02",
                 "toelichting":"tegelijk ingevoerd"}""";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> antwoorden = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                antwoorden.add(pool.submit(() -> {
                    start.await();
                    return Sessie.api(poort, "POST", "/api/meldingen/overig", verzoek, BEHEERDER, BEHEERDER_WACHTWOORD);
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var a : antwoorden) {
                HttpResponse<String> antwoord = a.get();
                codes.add(antwoord.statusCode());
                if (antwoord.statusCode() == 409) {
                    assertThat(antwoord.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(antwoord.body()).doesNotContain("LN094837").doesNotContain("uk_melding");
                }
            }
            assertThat(codes).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from melding where soort = 'OVERIG'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void deOpenApiBeschrijvingNoemtDeApi() throws Exception {
        JsonNode doc = get("/v3/api-docs");
        assertThat(doc.at("/paths").has("/api/meldingen")).isTrue();
        assertThat(doc.at("/paths").has("/api/meldingen/{id}")).isTrue();
        assertThat(doc.at("/paths").has("/api/meldingen/overig")).isTrue();
        assertThat(doc.at("/paths").has("/api/quarantaine/{id}/opnieuw-inlezen")).isTrue();
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        // No path parameter names a pupil: only ids.
        doc.at("/paths").fieldNames().forEachRemaining(pad -> assertThat(pad).doesNotContainIgnoringCase("leerling"));
    }
}
