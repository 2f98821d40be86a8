package nl.verzuim.connector.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * Leases renewed while working, with the lease as configured (connector.outbox.lease) and on the real database (H2,
 * and PostgreSQL in the postgres pass): work leased by an instance that dies is taken over by another within a
 * minute; work whose holder keeps renewing is never taken; only the holder renews. Time is a hand-moved clock, so
 * nothing sleeps, except where the running connector's own renewal (route outbox-lease) is watched. Uses a channel no route serves, so only the instances made here claim.
 */
class LeaseOvernameTest extends AfleveringTestBasis {

    @Autowired
    OutboxRepository outbox;
    @Autowired
    OutboxWerk.Gevolgen gevolgen;
    @Autowired
    ConnectorInstellingen instellingen;
    @Autowired
    Clock systeemklok;
    @Autowired
    OutboxWerk dezeInstantie;

    /** A clock the test moves by hand. */
    static final class Klok extends Clock {
        volatile Instant nu;

        Klok(Instant nu) {
            this.nu = nu;
        }

        void verder(Duration d) {
            nu = nu.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Amsterdam");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return nu;
        }
    }

    Klok klok;

    OutboxWerk instantie(String naam) {
        return new OutboxWerk(outbox, gevolgen, instellingen, klok, naam);
    }

    long item(String leerlingId) {
        Instant t = systeemklok.instant();
        jdbc.sql("""
                insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, besloten_op, uitleg,
                    status, aangemaakt, bijgewerkt) values ('00YY', '00', ?, 'PROEF', 'RELATIEF_16_UUR',
                    date '2026-10-26', date '2026-10-29', 'proef', 'TE_VERZENDEN', ?, ?)""")
                .params(leerlingId, Dialect.tijd(t), Dialect.tijd(t)).update();
        long melding = jdbc.sql("select id from melding where leerling_id = ?").param(leerlingId).query(Long.class)
                .single();
        long id = outbox.plaats(melding, "PROEF", OutboxItem.Operatie.DUO_AANLEVEREN, t);
        // The database may round the stored time up by a fraction of a microsecond: start a second later.
        klok = new Klok(t.plusSeconds(1));
        return id;
    }

    String houder(long id) {
        return jdbc.sql("select geclaimd_door from outbox where id = ?").param(id).query(String.class).single();
    }

    @Test
    void werkVanEenDodeInstantieNeemtEenAndereBinnenEenMinuutOver() {
        Duration lease = instellingen.outbox().lease();
        assertThat(lease).as("connector.outbox.lease: overname binnen een minuut").isLessThan(Duration.ofSeconds(59));
        long id = item("L-DOOD");
        OutboxWerk dood = instantie("dood");
        OutboxWerk levend = instantie("levend");
        Instant geclaimd = klok.instant();
        assertThat(dood.claim("PROEF")).extracting(OutboxItem::id).containsExactly(id);
        // "dood" stops here: it never renews and never answers. The other keeps polling.
        Instant overgenomen = null;
        for (int s = 0; s <= 120 && overgenomen == null; s++) {
            levend.verleng();
            if (levend.claim("PROEF").stream().anyMatch(i -> i.id() == id)) {
                overgenomen = klok.instant();
            } else {
                klok.verder(Duration.ofSeconds(1));
            }
        }
        assertThat(overgenomen).as("door de levende instantie overgenomen").isNotNull();
        assertThat(Duration.between(geclaimd, overgenomen)).isLessThanOrEqualTo(Duration.ofMinutes(1))
                .isGreaterThanOrEqualTo(lease);
        assertThat(houder(id)).isEqualTo("levend");

        // The dead one comes back to life and renews: it holds nothing any more, so it changes nothing.
        klok.verder(lease);
        assertThat(dood.verleng()).isZero();
        assertThat(houder(id)).isEqualTo("levend");
        assertThat(outbox.verzonden(id, klok.instant())).isTrue();
        assertThat(outbox.vind(id).status()).isEqualTo("VERZONDEN");
        assertThat(outbox.vind(id).pogingen()).isEqualTo(1);
    }

    @Test
    void werkWaarvanDeHouderDeLeaseVerlengtWordtNietOvergenomen() {
        Duration lease = instellingen.outbox().lease();
        long id = item("L-LEVEND");
        OutboxWerk houder = instantie("houder");
        OutboxWerk ander = instantie("ander");
        assertThat(houder.claim("PROEF")).extracting(OutboxItem::id).containsExactly(id);
        // The holder's call runs for five leases; its timer ticks every second and renews as it must.
        Instant einde = klok.instant().plus(lease.multipliedBy(5));
        int verlengd = 0;
        while (klok.instant().isBefore(einde)) {
            klok.verder(Duration.ofSeconds(1));
            verlengd += houder.verleng();
            assertThat(ander.claim("PROEF")).as("na %s", klok.instant()).isEmpty();
        }
        assertThat(verlengd).as("verlengd, een derde lease na de vorige keer").isBetween(12, 16);
        assertThat(houder(id)).isEqualTo("houder");

        // The answer arrives: sent, and renewing or claiming afterwards changes nothing.
        assertThat(outbox.verzonden(id, klok.instant())).isTrue();
        klok.verder(lease);
        assertThat(houder.verleng()).isZero();
        klok.verder(lease.multipliedBy(2));
        assertThat(ander.claim("PROEF")).isEmpty();
        assertThat(outbox.vind(id).status()).isEqualTo("VERZONDEN");
    }

    @Test
    void werkDatNooitAfkomtHoudtDeHouderNietLangerDanTienLeases() {
        Duration lease = instellingen.outbox().lease();
        long id = item("L-HANGT");
        OutboxWerk houder = instantie("houder");
        OutboxWerk ander = instantie("ander");
        houder.claim("PROEF");
        Instant geclaimd = klok.instant();
        Instant overgenomen = null;
        while (overgenomen == null && klok.instant().isBefore(geclaimd.plus(lease.multipliedBy(20)))) {
            klok.verder(Duration.ofSeconds(1));
            houder.verleng();
            if (!ander.claim("PROEF").isEmpty()) {
                overgenomen = klok.instant();
            }
        }
        assertThat(overgenomen).isNotNull();
        assertThat(Duration.between(geclaimd, overgenomen))
                .isGreaterThan(lease.multipliedBy(OutboxWerk.MAX_LEASES))
                .isLessThanOrEqualTo(lease.multipliedBy(OutboxWerk.MAX_LEASES + 1).plusSeconds(1));
        assertThat(houder(id)).isEqualTo("ander");
        assertThat(outbox.verzonden(id, klok.instant())).isTrue();
    }

    @Test
    void deRunnendeConnectorVerlengtZelfDeLeaseOpWatHijVasthoudt() {
        long id = item("L-ROUTE");
        // This connector's own instance claims, as its delivery routes do; its outbox-lease route does the renewing.
        assertThat(dezeInstantie.claim("PROEF")).extracting(OutboxItem::id).containsExactly(id);
        OffsetDateTime eerst = geclaimdTot(id);
        await().atMost(Duration.ofSeconds(25)).until(() -> geclaimdTot(id).isAfter(eerst));
        assertThat(houder(id)).isEqualTo(dezeInstantie.instantie());
        assertThat(outbox.verzonden(id, systeemklok.instant())).isTrue();
    }

    OffsetDateTime geclaimdTot(long id) {
        return jdbc.sql("select geclaimd_tot from outbox where id = ?").param(id).query(OffsetDateTime.class).single();
    }
}
