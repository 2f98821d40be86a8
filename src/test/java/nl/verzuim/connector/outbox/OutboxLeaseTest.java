package nl.verzuim.connector.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * What the outbox records after an attempt, when the lease of the instance that made it has run out and another
 * instance took the work: a late failure never touches work another instance holds nor downgrades VERZONDEN; a
 * late success is always kept. Uses a channel no route serves, so only this test claims.
 */
class OutboxLeaseTest extends ConnectorTestBasis {

    static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    OutboxRepository outbox;
    @Autowired
    Clock klok;

    Instant t0;

    long item(String leerlingId) {
        t0 = klok.instant();
        jdbc.sql("""
                insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, besloten_op, uitleg,
                    status, aangemaakt, bijgewerkt) values ('00YY', '00', ?, 'PROEF', 'RELATIEF_16_UUR',
                    date '2026-10-26', date '2026-10-29', 'proef', 'TE_VERZENDEN', ?, ?)""")
                .params(leerlingId, Dialect.tijd(t0), Dialect.tijd(t0)).update();
        long melding = jdbc.sql("select id from melding where leerling_id = ?").param(leerlingId).query(Long.class)
                .single();
        long id = outbox.plaats(melding, "PROEF", OutboxItem.Operatie.DUO_AANLEVEREN, t0);
        // The database may round the stored time up by a fraction of a microsecond: claim a second later.
        t0 = t0.plusSeconds(1);
        return id;
    }

    String status(long id) {
        return outbox.vind(id).status();
    }

    String houder(long id) {
        return jdbc.sql("select geclaimd_door from outbox where id = ?").param(id).query(String.class).single();
    }

    @Test
    void eenLateFoutVanDeVorigeHouderRaaktHetWerkVanDeNieuweNiet() {
        long id = item("L-LAAT-FOUT");
        assertThat(outbox.claim("PROEF", 10, "a", LEASE, t0)).extracting(OutboxItem::id).containsExactly(id);
        Instant naLease = t0.plus(LEASE).plusSeconds(1);
        assertThat(outbox.claim("PROEF", 10, "b", LEASE, naLease)).extracting(OutboxItem::id).containsExactly(id);

        assertThat(outbox.opnieuw(id, "a", "time-out", naLease.plusSeconds(10))).isFalse();
        assertThat(outbox.mislukt(id, "a", "MAX_POGINGEN", "opgegeven")).isFalse();
        assertThat(status(id)).isEqualTo("TE_VERZENDEN");
        assertThat(houder(id)).isEqualTo("b");
        assertThat(outbox.vind(id).pogingen()).isZero();

        assertThat(outbox.opnieuw(id, "b", "503", naLease.plusSeconds(10))).as("de houder zelf wel").isTrue();
        assertThat(outbox.vind(id).pogingen()).isEqualTo(1);
    }

    @Test
    void eenLateFoutOverschrijftVerzondenNooit() {
        long id = item("L-NA-VERZONDEN");
        outbox.claim("PROEF", 10, "a", LEASE, t0);
        Instant naLease = t0.plus(LEASE).plusSeconds(1);
        outbox.claim("PROEF", 10, "b", LEASE, naLease);
        assertThat(outbox.verzonden(id, naLease.plusSeconds(2))).isTrue();

        assertThat(outbox.mislukt(id, "a", "MAX_POGINGEN", "opgegeven")).isFalse();
        assertThat(outbox.mislukt(id, "b", "V001", "geweigerd")).isFalse();
        assertThat(outbox.opnieuw(id, "b", "503", naLease.plusSeconds(10))).isFalse();
        assertThat(status(id)).isEqualTo("VERZONDEN");
        assertThat(outbox.doodlopers()).extracting(Doodloper::outboxId).doesNotContain(id);
    }

    @Test
    void eenLaatAntwoordDatDeOntvangerHetHeeftGaatNooitVerloren() {
        long id = item("L-LAAT-ANTWOORD");
        outbox.claim("PROEF", 10, "a", LEASE, t0);
        Instant naLease = t0.plus(LEASE).plusSeconds(1);
        outbox.claim("PROEF", 10, "b", LEASE, naLease);
        // b gives up first (a dead letter), then a's answer arrives after its lease: the receiver has it.
        assertThat(outbox.mislukt(id, "b", "MAX_POGINGEN", "opgegeven")).isTrue();
        assertThat(outbox.verzonden(id, naLease.plusSeconds(30))).isTrue();
        assertThat(status(id)).isEqualTo("VERZONDEN");
        assertThat(outbox.doodlopers()).extracting(Doodloper::outboxId).doesNotContain(id);
        assertThat(outbox.verzonden(id, naLease.plusSeconds(40))).as("een tweede antwoord verandert niets").isFalse();
    }

    @Test
    void inVolgordePerMeldingAlleenHetOudsteOnafgemaakteEnEenDoodloperHoudtDeRestTegen() {
        String kanaal = "PROEFVLG"; // no route serves it
        long a1 = item("L-VOLGORDE-A");
        long meldingA = outbox.vind(a1).meldingId();
        jdbc.sql("update outbox set kanaal = ? where id = ?").params(kanaal, a1).update();
        long a2 = outbox.plaats(meldingA, kanaal, OutboxItem.Operatie.DUO_AANLEVEREN, t0.minusSeconds(1));
        long b1 = item("L-VOLGORDE-B");
        jdbc.sql("update outbox set kanaal = ? where id = ?").params(kanaal, b1).update();
        OutboxRepository.Volgorde perMelding = OutboxRepository.Volgorde.PER_MELDING;

        assertThat(outbox.claim(kanaal, perMelding, 10, "a", LEASE, t0)).extracting(OutboxItem::id)
                .containsExactly(a1, b1);
        assertThat(outbox.verzonden(b1, t0)).isTrue();
        // a1 waits for a retry: a2 waits behind it, also once the lease ran out.
        Instant later = t0.plus(LEASE).plusSeconds(1);
        assertThat(outbox.opnieuw(a1, "a", "503", later.plusSeconds(60))).isTrue();
        assertThat(outbox.claim(kanaal, perMelding, 10, "a", LEASE, later)).isEmpty();
        // a1 becomes a dead letter: a2 stays held back until a person retries a1.
        assertThat(outbox.claim(kanaal, perMelding, 10, "a", LEASE, later.plusSeconds(61)))
                .extracting(OutboxItem::id).containsExactly(a1);
        assertThat(outbox.mislukt(a1, "a", "V001", "geweigerd")).isTrue();
        Instant daarna = later.plus(LEASE).plus(LEASE);
        assertThat(outbox.claim(kanaal, perMelding, 10, "a", LEASE, daarna)).isEmpty();
        assertThat(outbox.claim(kanaal, 10, "a", LEASE, daarna)).as("zonder volgorde wel")
                .extracting(OutboxItem::id).containsExactly(a2);
        assertThat(outbox.opnieuwProberen(meldingA, daarna)).isEqualTo(1);
        assertThat(outbox.claim(kanaal, perMelding, 10, "a", LEASE, daarna.plusSeconds(1)))
                .extracting(OutboxItem::id).containsExactly(a1);
        assertThat(outbox.verzonden(a1, daarna.plusSeconds(1))).isTrue();
        Instant naA2Lease = daarna.plus(LEASE).plusSeconds(2);
        assertThat(outbox.claim(kanaal, perMelding, 10, "b", LEASE, naA2Lease)).extracting(OutboxItem::id)
                .containsExactly(a2);
    }
}
