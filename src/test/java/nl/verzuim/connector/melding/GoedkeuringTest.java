package nl.verzuim.connector.melding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.school.Scholen;
import nl.verzuim.connector.school.School;
import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * verzenden: na_goedkeuring — a decided melding waits until a person approves it; then it goes out. A melding a
 * person withdraws before approval is never sent. Both actions are in the audit table with who did them.
 */
class GoedkeuringTest extends AfleveringTestBasis {

    @Autowired
    MeldingService meldingService;
    @Autowired
    RegistratieRepository registraties;
    @Autowired
    Scholen scholen;
    @Autowired
    MeldingActies acties;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transacties;
    @Autowired
    java.time.Clock klok;

    /** The test school as a school that chose na_goedkeuring; the pupil is judged as the intake would. */
    long beslisMetGoedkeuring(String leerlingId) throws Exception {
        String dossier = new String(osoDossier(), java.nio.charset.StandardCharsets.UTF_8).replace("LN094837", leerlingId);
        zetInInbox("dossier-" + leerlingId + ".xml", dossier);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from leerling where leerling_id = ?")
                .param(leerlingId).query(Integer.class).single() == 1);
        School basis = scholen.vind("00YY", "00").orElseThrow();
        School naGoedkeuring = new School(basis.brin(), basis.vestiging(), basis.naam(), basis.onderwijssoort(),
                basis.contactpersoon(), basis.melder(), basis.lasProfiel(), basis.lesminuten(), basis.vakanties(),
                basis.vrijeDagen(), basis.meld18Plus16Uur(), School.Verzenden.NA_GOEDKEURING);
        int regel = 1;
        for (LocalDate dag = LocalDate.of(2026, 10, 26); !dag.isAfter(LocalDate.of(2026, 10, 29)); dag = dag.plusDays(1)) {
            registraties.bewaar("00YY", "00", leerlingId, new Registratie(dag, LocalTime.of(8, 30), null, null,
                    Afwezigheidscode.ONG, null), "test.csv", regel++);
        }
        meldingService.herbeoordeel(naGoedkeuring, leerlingId, LocalDate.of(2026, 11, 20));
        return duoMelding();
    }

    @Test
    void eenMeldingWachtOpGoedkeuringEnGaatDaarnaNaarDuo() throws Exception {
        long id = beslisMetGoedkeuring("LN094837");
        assertThat(melding(id, "status")).isEqualTo("WACHT_OP_GOEDKEURING");
        Thread.sleep(1_500); // several delivery rounds (200 ms)
        assertThat(duoVerzoeken("aanleverenVerzuimmelding")).as("niets verzonden zonder goedkeuring").isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox where melding_id = ?").param(id).query(Integer.class).single())
                .isZero();

        // Approved within the term (the clock stands at 20-11-2026): not flagged as sent late.
        jdbc.sql("update melding set uiterste_melddatum = date '2026-11-27' where id = ?").param(id).update();
        var antwoord = stuur("/api/meldingen/" + id + "/goedkeuren", null);
        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.body()).contains("\"id\":" + id).doesNotContain("111222333").doesNotContain("Berg");
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        assertThat(duoVerzoeken("aanleverenVerzuimmelding")).hasSize(1);
        assertThat(get("/api/meldingen/" + id).body()).contains("\"duoVerzondenOp\":\"2026-11-20\"")
                .contains("\"teLaatVerzonden\":false");
        assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'VERZONDEN'").param(id)
                .query(String.class).single()).doesNotContain("te laat");
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'GOEDGEKEURD'").param(id)
                .query(String.class).single()).isEqualTo(BEHEERDER);
        var nogmaals = stuur("/api/meldingen/" + id + "/goedkeuren", null);
        assertThat(nogmaals.statusCode()).as("al goedgekeurd").isEqualTo(409);
        assertThat(nogmaals.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(nogmaals.body()).contains("\"status\":409").contains("wacht niet op goedkeuring (status VERZONDEN)")
                .doesNotContain("LN094837").doesNotContain("fout");
        var onbekend = stuur("/api/meldingen/987654/goedkeuren", null);
        assertThat(onbekend.statusCode()).isEqualTo(404);
        assertThat(onbekend.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var kapot = stuur("/api/meldingen/" + id + "/intrekken", "{\"reden\": ");
        assertThat(kapot.statusCode()).as("onleesbare JSON").isEqualTo(400);
        assertThat(kapot.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var zonderReden = stuur("/api/meldingen/" + id + "/intrekken", "{}");
        assertThat(zonderReden.statusCode()).isEqualTo(400);
        assertThat(zonderReden.body()).contains("een reden is verplicht");
    }

    @Test
    void eenMeldingDieVoorGoedkeuringWordtIngetrokkenGaatNooitWeg() throws Exception {
        long id = beslisMetGoedkeuring("LN094837");
        var antwoord = stuur("/api/meldingen/" + id + "/intrekken", "{\"reden\": \"ziekmelding kwam te laat binnen\"}");
        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.body()).contains("\"status\":\"INGETROKKEN\"");
        assertThat(stuur("/api/meldingen/" + id + "/goedkeuren", null).statusCode()).isEqualTo(409);
        Thread.sleep(1_000);
        assertThat(duoVerzoeken("aanleverenVerzuimmelding")).isEmpty();
        assertThat(jdbc.sql("select details from audit where melding_id = ? and actie = 'INGETROKKEN'").param(id)
                .query(String.class).single()).contains("ziekmelding kwam te laat binnen");
    }

    @Test
    void tweeGelijktijdigeGoedkeuringenLeverenEenVerzendingOp() throws Exception {
        long id = beslisMetGoedkeuring("LN094837");
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                start.await();
                return stuur("/api/meldingen/" + id + "/goedkeuren", null).statusCode();
            });
            var b = pool.submit(() -> {
                start.await();
                return stuur("/api/meldingen/" + id + "/goedkeuren", null).statusCode();
            });
            start.countDown();
            assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from outbox where melding_id = ?").param(id).query(Integer.class).single())
                .as("een outbox-rij").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "VERZONDEN".equals(melding(id, "status")));
        Thread.sleep(1_000); // a second item would have gone out in these rounds
        assertThat(duoVerzoeken("aanleverenVerzuimmelding")).as("een verzoek bij DUO").hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit where melding_id = ? and actie = 'GOEDGEKEURD'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * Another instance claims the melding's work just before the withdrawal: the withdrawal cannot cancel it (it may
     * be on the wire), so it is refused as a whole and the melding is not marked withdrawn.
     */
    @Test
    void intrekkenTerwijlEenAndereInstantieHetWerkVasthoudtWordtGeweigerd() throws Exception {
        long id = beslisMetGoedkeuring("LN094837");
        // Approve and claim in one transaction, so this connector's own DUO route cannot take the item first.
        new org.springframework.transaction.support.TransactionTemplate(transacties).executeWithoutResult(t -> {
            acties.keurGoed(id, BEHEERDER);
            assertThat(outbox.claim("DUO", 10, "andere-instantie", Duration.ofHours(1), klok.instant()))
                    .extracting(w -> w.meldingId()).containsExactly(id);
        });

        var antwoord = stuur("/api/meldingen/" + id + "/intrekken", "{\"reden\": \"toch niet\"}");
        assertThat(antwoord.statusCode()).isEqualTo(409);
        assertThat(melding(id, "status")).isEqualTo("TE_VERZENDEN");
        assertThat(jdbc.sql("select status from outbox where melding_id = ?").param(id).query(String.class).single())
                .isEqualTo("TE_VERZENDEN");
        assertThat(jdbc.sql("select count(*) from audit where melding_id = ? and actie = 'INGETROKKEN'").param(id)
                .query(Integer.class).single()).isZero();
        // Leave nothing held for the next test: the other instance "crashes" and the work is cancelled.
        jdbc.sql("update outbox set status = 'GEANNULEERD' where melding_id = ?").param(id).update();
    }
}
