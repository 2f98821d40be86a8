package nl.verzuim.connector.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.persistence.Dialect;
import nl.verzuim.connector.support.AfleveringTestBasis;

/**
 * Two connector instances on one database (in the postgres profile: one PostgreSQL server) claim from the same
 * outbox at the same time, each in its own threads and under its own name: every piece of work is taken by exactly
 * one of them. Uses a channel no route serves, so only these two claim.
 */
class TweeInstantiesTest extends AfleveringTestBasis {

    static final int AANTAL = 300;

    @Autowired
    OutboxRepository outbox;
    @Autowired
    OutboxWerk.Gevolgen gevolgen;
    @Autowired
    ConnectorInstellingen instellingen;
    @Autowired
    Clock klok;

    @Test
    void tweeInstantiesVersturenNooitDezelfdeMelding() throws Exception {
        Instant nu = klok.instant();
        for (int i = 0; i < AANTAL; i++) {
            jdbc.sql("""
                    insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, besloten_op, uitleg,
                        status, aangemaakt, bijgewerkt) values ('00YY', '00', ?, 'PROEF', 'RELATIEF_16_UUR',
                        date '2026-10-26', date '2026-10-29', 'proef', 'TE_VERZENDEN', ?, ?)""")
                    .params("L" + i, Dialect.tijd(nu), Dialect.tijd(nu)).update();
        }
        for (Long id : jdbc.sql("select id from melding where kanaal = 'PROEF'").query(Long.class).list()) {
            outbox.plaats(id, "PROEF", OutboxItem.Operatie.DUO_AANLEVEREN, nu);
        }
        List<OutboxWerk> instanties = List.of(
                new OutboxWerk(outbox, gevolgen, instellingen, klok, "connector-a"),
                new OutboxWerk(outbox, gevolgen, instellingen, klok, "connector-b"));
        Map<Long, String> verzondenDoor = new ConcurrentHashMap<>();
        AtomicInteger dubbel = new AtomicInteger();
        ExecutorService draden = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> klaar = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            OutboxWerk werk = instanties.get(t % 2);
            klaar.add(draden.submit(() -> {
                start.await();
                while (true) {
                    List<OutboxItem> geclaimd = werk.claim("PROEF");
                    if (geclaimd.isEmpty()) {
                        return null;
                    }
                    for (OutboxItem item : geclaimd) {
                        if (verzondenDoor.putIfAbsent(item.meldingId(), werk.instantie()) != null) {
                            dubbel.incrementAndGet();
                        }
                        Thread.sleep(1); // "sending": rows stay claimed while the other instance claims
                        outbox.verzonden(item.id(), klok.instant());
                    }
                }
            }));
        }
        start.countDown();
        for (Future<?> f : klaar) {
            f.get(60, TimeUnit.SECONDS);
        }
        draden.shutdown();

        assertThat(dubbel.get()).as("meldingen die twee keer werden geclaimd").isZero();
        assertThat(verzondenDoor).hasSize(AANTAL);
        assertThat(verzondenDoor.values()).as("beide instanties deden werk").contains("connector-a", "connector-b");
        assertThat(jdbc.sql("select count(*) from outbox where kanaal = 'PROEF' and status = 'VERZONDEN' and pogingen = 1")
                .query(Integer.class).single()).isEqualTo(AANTAL);
    }
}
