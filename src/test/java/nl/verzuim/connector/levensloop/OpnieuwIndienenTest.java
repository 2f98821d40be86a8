package nl.verzuim.connector.levensloop;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.support.LevensloopTestBasis;

/** After TERUGGEZET: resubmitted when a person says so, or when a later LAS export fills what was empty. */
class OpnieuwIndienenTest extends LevensloopTestBasis {

    @Autowired
    LopendeMeldingBijhouden bijhouden;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    nl.verzuim.connector.levensloop.LevensloopService service;
    @Autowired
    Clock klok;

    @Test
    void eenPersoonDientEenTeruggezetteMeldingOpnieuwIn() throws Exception {
        long melding = otMelding(LEERLING, "OPN", "TERUGGEZET", LocalDate.of(2026, 10, 5));
        HttpResponse<String> antwoord = post(melding, "{\"door\":\"J. de Vries\",\"toelichting\":\"adviseur gekoppeld\"}");
        assertThat(antwoord.statusCode()).isEqualTo(202);
        assertThat(post(melding, "{}").statusCode()).as("nog eens terwijl het onderweg is: niets dubbel")
                .isIn(202, 409);
        await().atMost(Duration.ofSeconds(10)).until(() -> "INGEDIEND".equals(otStatus(melding)));
        assertThat(MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten/TR-OPN/indienen")))).hasSize(1);
        assertThat(jdbc.sql("select door from audit where actie = 'OPNIEUW_INDIENEN' and melding_id = ?")
                .param(melding).query(String.class).list()).as("the login, not a name the body claims")
                .containsExactly(BEHEERDER);

        HttpResponse<String> weer = post(melding, "{}");
        assertThat(weer.statusCode()).as("een ingediende melding opnieuw indienen kan niet").isEqualTo(409);
        assertThat(weer.body()).contains("alleen een teruggezette melding wordt opnieuw ingediend");
        assertThat(post(999_999, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void eenLatereExportDieAanvultWatLeegWasDientOpnieuwIn() throws Exception {
        OffsetDateTime nu = OffsetDateTime.parse(KLOK_START);
        jdbc.sql("""
                insert into leerling (brin, vestiging, leerling_id, achternaam, geboortedatum, bronnen, bijgewerkt)
                values ('00YY', '00', 'LN-LEEG', 'Test', ?, 'EDEXML', ?)""").params(LocalDate.of(2014, 1, 1), nu).update();
        long melding = otMelding("LN-LEEG", "LEEG", "INGEDIEND", LocalDate.of(2026, 10, 5));
        String terug = gebeurtenis("ev-leeg", "TERUGGEZET", "LEEG", "adres en verzorgers ontbreken");
        assertThat(webhook(terug, handtekening(terug)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "TERUGGEZET".equals(otStatus(melding)));
        assertThat(jdbc.sql("select ontbrak_bij_terugzetten from ot_traject_stand where melding_id = ?").param(melding)
                .query(String.class).single()).contains("adres").contains("verzorgers");

        bijhouden.werkAllesBij();
        Thread.sleep(600);
        assertThat(otStatus(melding)).as("het LAS heeft nog niets aangevuld").isEqualTo("TERUGGEZET");

        // The next OSO export brings address, BSN, group and verzorgers.
        long ref = jdbc.sql("select id from leerling where leerling_id = 'LN-LEEG'").query(Long.class).single();
        jdbc.sql("""
                update leerling set bsn = '111222333', straat = 'Laan', huisnummer = '1', postcode = '2500AA',
                    plaats = 'Den Haag', groep_of_leerjaar = '7' where id = ?""").param(ref).update();
        jdbc.sql("insert into verzorger (leerling_ref, volgorde, achternaam) values (?, 1, 'Test')").param(ref).update();
        bijhouden.werkAllesBij();

        await().atMost(Duration.ofSeconds(10)).until(() -> "INGEDIEND".equals(otStatus(melding)));
        assertThat(MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten/TR-LEEG/indienen")))).hasSize(1);
        assertThat(jdbc.sql("select door from audit where actie = 'OPNIEUW_INDIENEN' and melding_id = ?")
                .param(melding).query(String.class).single()).isEqualTo("connector (LAS)");
    }

    @Test
    void na422OpIndienenVerwerktDeConnectorSppohsAntwoordNogSteeds() throws Exception {
        // OT answers 422 on indienen for TR-422-…; the school then completes and submits the form in OT itself.
        long melding = otMelding(LEERLING, "422-GA", "NIEUW", LocalDate.of(2026, 10, 26));
        outbox.plaats(melding, "OT", OutboxItem.Operatie.OT_INDIENEN, klok.instant());
        await().atMost(Duration.ofSeconds(10)).until(() -> "MISLUKT".equals(kolom(melding, "status")));
        assertThat(otStatus(melding)).as("a refusal is no Trajectstatus").isEqualTo("NIEUW");
        assertThat(kolom(melding, "laatste_fout")).contains("ONVOLLEDIG").contains("422");

        String akkoord = gebeurtenis("ev-422ga", "GEACCEPTEERD", "422-GA", null);
        assertThat(webhook(akkoord, handtekening(akkoord)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "LOPEND".equals(otStatus(melding)));
        assertThat(kolom(melding, "status")).isEqualTo("VERZONDEN");
        assertThat(jdbc.sql("select geweigerd from ot_gebeurtenis where event_id = 'ev-422ga'").query(String.class)
                .list().get(0)).isNull();
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).as("de 422-mail en de acceptatiemail").isTrue();
        assertThat(onderwerpen()).anyMatch(o -> o.contains("geaccepteerd") && o.contains("OT-422-GA"));
    }

    @Test
    void eenTeruggezetteMeldingBlijftTeruggezetNa422EnKanOpnieuw() throws Exception {
        long melding = otMelding(LEERLING, "422-TZ", "TERUGGEZET", LocalDate.of(2026, 10, 26));
        assertThat(post(melding, "{\"toelichting\":\"adviseur gekoppeld\"}").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "MISLUKT".equals(kolom(melding, "status")));
        assertThat(otStatus(melding)).isEqualTo("TERUGGEZET");
        assertThat(get("/api/meldingen?teruggezet=true").body()).as("still highlighted as returned")
                .contains("\"id\":" + melding + ",");

        HttpResponse<String> weer = post(melding, "{\"toelichting\":\"nu echt\"}");
        assertThat(weer.statusCode()).isEqualTo(202);
        assertThat(weer.body()).contains("staat klaar");
        await().atMost(Duration.ofSeconds(10)).until(() -> MOCK.findAll(
                postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten/TR-422-TZ/indienen"))).size() == 2);

        String terug = gebeurtenis("ev-422tz", "TERUGGEZET", "422-TZ", "nog steeds geen adviseur");
        assertThat(webhook(terug, handtekening(terug)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from ot_gebeurtenis where event_id = 'ev-422tz' and verwerkt is not null")
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select geweigerd from ot_gebeurtenis where event_id = 'ev-422tz'").query(String.class)
                .list().get(0)).isNull();
        assertThat(otStatus(melding)).isEqualTo("TERUGGEZET");
        assertThat(kolom(melding, "terugzet_reden")).isEqualTo("nog steeds geen adviseur");
        await().atMost(Duration.ofSeconds(10)).until(() -> onderwerpen().stream()
                .anyMatch(o -> o.contains("teruggezet") && o.contains("OT-422-TZ")));
    }

    @Test
    void gelijktijdigOpnieuwIndienenGaatEenKeerNaarOt() throws Exception {
        long melding = otMelding(LEERLING, "GELIJK", "TERUGGEZET", LocalDate.of(2026, 10, 26));
        int aantal = 6;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(aantal);
        try {
            java.util.List<java.util.concurrent.Future<?>> klaar = new java.util.ArrayList<>();
            for (int i = 0; i < aantal; i++) {
                String door = i % 2 == 0 ? BEHEERDER : "connector (LAS)";
                klaar.add(pool.submit(() -> {
                    start.await();
                    return service.opnieuwIndienen(melding, door, "tegelijk");
                }));
            }
            start.countDown();
            for (var f : klaar) {
                f.get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from outbox where melding_id = ? and operatie = 'OT_INDIENEN'")
                .param(melding).query(Integer.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "INGEDIEND".equals(otStatus(melding)));
        Thread.sleep(500);
        assertThat(MOCK.findAll(postRequestedFor(urlPathEqualTo("/ot/api/v1/trajecten/TR-GELIJK/indienen"))))
                .hasSize(1);
        assertThat(kolom(melding, "status")).isEqualTo("VERZONDEN");
    }

    private static java.util.List<String> onderwerpen() throws Exception {
        java.util.List<String> lijst = new java.util.ArrayList<>();
        for (var mail : SMTP.getReceivedMessages()) {
            lijst.add(mail.getSubject());
        }
        return lijst;
    }

    private String kolom(long melding, String naam) {
        return jdbc.sql("select " + naam + " from melding where id = ?").param(melding).query(String.class).list()
                .get(0);
    }

    private HttpResponse<String> get(String pad) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (BEHEERDER + ":" + BEHEERDER_WACHTWOORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(long melding, String lichaam) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort
                        + "/api/meldingen/" + melding + "/opnieuw-indienen"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + java.util.Base64
                        .getEncoder().encodeToString((BEHEERDER + ":" + BEHEERDER_WACHTWOORD)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(lichaam)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
