package nl.verzuim.connector.ot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.support.LevensloopTestBasis;

/**
 * OT events both ways — the signed webhook and polling after a stored cursor — into one handler that acts once per
 * eventId and checks each step against the lifecycle.
 */
class OtGebeurtenissenTest extends LevensloopTestBasis {

    @Autowired
    OtGebeurtenisPoller poller;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    Clock klok;

    @Test
    void webhookEnPollMetDezelfdeGebeurtenisWordenEenKeerVerwerkt() throws Exception {
        long melding = otMelding(LEERLING, "EEN", "INGEDIEND", LocalDate.of(2026, 10, 26));
        String lichaam = gebeurtenis("ev-een", "GEACCEPTEERD", "EEN", null);
        StubMapping stub = MOCK.stubFor(get(urlPathEqualTo("/ot/api/v1/gebeurtenissen")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"gebeurtenissen\":[" + lichaam + "],\"cursor\":\"c-17\"}")));
        try {
            assertThat(webhook(lichaam, handtekening(lichaam)).statusCode()).isEqualTo(202);
            assertThat(poller.haalOp()).as("de poll brengt niets nieuws").isZero();
            assertThat(webhook(lichaam, handtekening(lichaam)).statusCode()).as("nog eens: 2xx").isEqualTo(202);
        } finally {
            MOCK.removeStub(stub);
        }
        assertThat(jdbc.sql("select cursor_waarde from ot_cursor").query(String.class).single()).isEqualTo("c-17");
        poller.haalOp();
        assertThat(MOCK.findAll(getRequestedFor(urlPathEqualTo("/ot/api/v1/gebeurtenissen"))
                .withQueryParam("na", WireMock.equalTo("c-17")))).as("de volgende poll gaat verder na de cursor")
                .isNotEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> "LOPEND".equals(otStatus(melding)));
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        Thread.sleep(1_500); // a second mail, if any, would have gone by now
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from ot_gebeurtenis").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit where actie = 'OT_GEACCEPTEERD'").query(Integer.class)
                .single()).as("één statuswijziging").isEqualTo(1);
    }

    @Test
    void eenGebeurtenisDieAlleenDePollBrengtWordtOokVerwerkt() throws Exception {
        long melding = otMelding(LEERLING, "POLL", "INGEDIEND", LocalDate.of(2026, 10, 26));
        String lichaam = gebeurtenis("ev-poll", "TERUGGEZET", "POLL", "adviseur ontbreekt");
        StubMapping stub = MOCK.stubFor(get(urlPathEqualTo("/ot/api/v1/gebeurtenissen")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"gebeurtenissen\":[" + lichaam + "],\"cursor\":\"c-3\"}")));
        try {
            assertThat(poller.haalOp()).isEqualTo(1);
        } finally {
            MOCK.removeStub(stub);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "TERUGGEZET".equals(otStatus(melding)));
        assertThat(jdbc.sql("select terugzet_reden from melding where id = ?").param(melding).query(String.class)
                .single()).isEqualTo("adviseur ontbreekt");
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).contains("teruggezet").contains("OT-POLL");
    }

    @Test
    void eenVervalsteHandtekeningGeeft401EnVerandertNiets() throws Exception {
        long melding = otMelding(LEERLING, "VALS", "INGEDIEND", LocalDate.of(2026, 10, 26));
        String lichaam = gebeurtenis("ev-vals", "GEACCEPTEERD", "VALS", null);
        String vanEenAnderLichaam = handtekening(lichaam.replace("GEACCEPTEERD", "TERUGGEZET"));
        String metAnderGeheim = "sha256=" + nl.verzuim.connector.ot.OtWebhookController.hmac(
                "ander-geheim".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                lichaam.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(webhook(lichaam, vanEenAnderLichaam).statusCode()).isEqualTo(401);
        assertThat(webhook(lichaam, metAnderGeheim).statusCode()).isEqualTo(401);
        assertThat(webhook(lichaam, null).statusCode()).isEqualTo(401);
        Thread.sleep(1_000);
        assertThat(jdbc.sql("select count(*) from ot_gebeurtenis").query(Integer.class).single()).isZero();
        assertThat(otStatus(melding)).isEqualTo("INGEDIEND");
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Integer.class).single()).isZero();
    }

    @Test
    void eenOnmogelijkeStapWordtMetRedenBewaardEnDeRouteGaatDoor() throws Exception {
        long afgerond = otMelding(LEERLING, "KLAAR", "AFGEROND", LocalDate.of(2026, 9, 7));
        long ingediend = otMelding("LN100200", "DAARNA", "INGEDIEND", LocalDate.of(2026, 10, 26));
        String onmogelijk = gebeurtenis("ev-onmogelijk", "GEACCEPTEERD", "KLAAR", null);
        assertThat(webhook(onmogelijk, handtekening(onmogelijk)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from ot_gebeurtenis where event_id = 'ev-onmogelijk' and verwerkt is not null")
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select geweigerd from ot_gebeurtenis where event_id = 'ev-onmogelijk'")
                .query(String.class).single())
                .contains("AFGEROND").contains("ACCEPTEREN").contains("afgerond (klaar om te archiveren)");
        assertThat(jdbc.sql("select details from audit where actie = 'OT_GEBEURTENIS_GEWEIGERD' and melding_id = ?")
                .param(afgerond).query(String.class).single()).contains("ev-onmogelijk");
        assertThat(otStatus(afgerond)).isEqualTo("AFGEROND");

        String geldig = gebeurtenis("ev-geldig", "GEACCEPTEERD", "DAARNA", null);
        assertThat(webhook(geldig, handtekening(geldig)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "LOPEND".equals(otStatus(ingediend)));
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()).as("alleen de geldige gebeurtenis geeft een mail").hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).contains("OT-DAARNA");
    }

    @Test
    void eenAcceptatieTerwijlHetOpnieuwIndienenNogInDeOutboxStaatWacht() throws Exception {
        long melding = otMelding(LEERLING, "WACHT", "TERUGGEZET", LocalDate.of(2026, 10, 26));
        // The resubmission waits for a retry an hour from now; SPPOH's acceptance comes first.
        long indienen = outbox.plaats(melding, "OT", OutboxItem.Operatie.OT_INDIENEN,
                klok.instant().plus(Duration.ofHours(1)));
        String akkoord = gebeurtenis("ev-wacht", "GEACCEPTEERD", "WACHT", null);
        assertThat(webhook(akkoord, handtekening(akkoord)).statusCode()).isEqualTo(202);
        Thread.sleep(2_000);
        assertThat(jdbc.sql("select count(*) from ot_gebeurtenis where event_id = 'ev-wacht' and verwerkt is null")
                .query(Integer.class).single()).as("wacht op het indienen, niet voorgoed geweigerd").isEqualTo(1);
        assertThat(otStatus(melding)).isEqualTo("TERUGGEZET");

        jdbc.sql("update outbox set volgende_poging = aangemaakt - 3600 * interval '1' second where id = ?")
                .param(indienen).update();
        await().atMost(Duration.ofSeconds(15)).until(() -> "LOPEND".equals(otStatus(melding)));
        assertThat(jdbc.sql("select geweigerd from ot_gebeurtenis where event_id = 'ev-wacht'").query(String.class)
                .list().get(0)).isNull();
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).contains("geaccepteerd").contains("OT-WACHT");
    }

    @Test
    void eenDoodgelopenIndienenLaatEenGebeurtenisNietEeuwigWachten() throws Exception {
        long melding = otMelding(LEERLING, "DOOD", "NIEUW", LocalDate.of(2026, 10, 26));
        long indienen = outbox.plaats(melding, "OT", OutboxItem.Operatie.OT_INDIENEN,
                klok.instant().plus(Duration.ofHours(1)));
        jdbc.sql("update outbox set status = 'MISLUKT', code = 'OT-422' where id = ?").param(indienen).update();
        String terug = gebeurtenis("ev-dood", "TERUGGEZET", "DOOD", "adviseur ontbreekt");
        assertThat(webhook(terug, handtekening(terug)).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "TERUGGEZET".equals(otStatus(melding)));
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
    }
}
