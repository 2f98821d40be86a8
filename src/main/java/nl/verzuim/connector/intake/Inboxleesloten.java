package nl.verzuim.connector.intake;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.persistence.Dialect;

/**
 * The inbox's read lock across hosts: the intake route's file consumer ({@code readLock: idempotent-changed})
 * takes a file only when it gets the file's row in {@code inbox_leesslot}. Several instances on one shared inbox
 * folder and one database so read each file once. The row carries a lease that this instance renews while it reads
 * ({@link #verleng()}, route {@code intake-leesslot}); an instance that dies stops renewing, and once its lease ran
 * out another instance takes the row over and reads the file (it is still in the inbox: it is moved only after a
 * completed read). The row is removed when the file was moved away (commit) or left for a later try (rollback).
 * <p>
 * Keyed by the file's name, not its path, because hosts may mount the share at different places.
 */
@Component("inboxleesloten")
public class Inboxleesloten extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(Inboxleesloten.class);

    private final JdbcClient jdbc;
    private final Clock klok;
    private final Duration lease;
    private final String instantie;
    /** The files this instance holds the lock on, to renew. */
    private final Set<String> gehouden = ConcurrentHashMap.newKeySet();
    private volatile Instant laatstVerlengd = Instant.MIN;

    @Autowired
    public Inboxleesloten(JdbcClient jdbc, Clock klok, ConnectorInstellingen instellingen) {
        this(jdbc, klok, instellingen.intake().leesslotLease(),
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** @param instantie the name this instance holds its locks under (one per consumer) */
    public Inboxleesloten(JdbcClient jdbc, Clock klok, Duration lease, String instantie) {
        this.jdbc = jdbc;
        this.klok = klok;
        this.lease = lease;
        this.instantie = instantie;
    }

    /** Takes the lock on a file: free, or held by an instance whose lease ran out. False when another holds it. */
    @Override
    public boolean add(String bestand) {
        Instant nu = klok.instant();
        boolean genomen;
        try {
            genomen = jdbc.sql("insert into inbox_leesslot (bestandsnaam, instantie, verloopt_op) "
                            + "values (:bestand, :instantie, :tot)")
                    .param("bestand", bestand).param("instantie", instantie)
                    .param("tot", Dialect.tijd(nu.plus(lease))).update() == 1;
        } catch (DuplicateKeyException vastgehouden) {
            // The where clause is evaluated again after a competing update commits (READ COMMITTED), so of two
            // instances that find the same orphaned lock only one takes it.
            genomen = jdbc.sql("update inbox_leesslot set instantie = :instantie, verloopt_op = :tot "
                            + "where bestandsnaam = :bestand and verloopt_op < :nu")
                    .param("bestand", bestand).param("instantie", instantie)
                    .param("tot", Dialect.tijd(nu.plus(lease))).param("nu", Dialect.tijd(nu)).update() == 1;
            if (genomen) {
                LOG.warn("Inbox: leesslot van een instantie die niet meer verlengde overgenomen; het bestand wordt "
                        + "opnieuw gelezen");
            }
        }
        if (genomen) {
            gehouden.add(bestand);
        }
        return genomen;
    }

    /** Whether some instance holds a live lock on the file. */
    @Override
    public boolean contains(String bestand) {
        return jdbc.sql("select count(*) from inbox_leesslot where bestandsnaam = :bestand and verloopt_op >= :nu")
                .param("bestand", bestand).param("nu", Dialect.tijd(klok.instant()))
                .query(Integer.class).single() > 0;
    }

    /** Gives the lock up (the file was moved away, or is left for a later try): only this instance's own. */
    @Override
    public boolean remove(String bestand) {
        gehouden.remove(bestand);
        return jdbc.sql("delete from inbox_leesslot where bestandsnaam = :bestand and instantie = :instantie")
                .param("bestand", bestand).param("instantie", instantie).update() == 1;
    }

    /** Kept until removed: the route removes the lock on commit and on rollback. */
    @Override
    public boolean confirm(String bestand) {
        return true;
    }

    /** Gives up every lock this instance holds. */
    @Override
    public void clear() {
        gehouden.clear();
        jdbc.sql("delete from inbox_leesslot where instantie = :instantie").param("instantie", instantie).update();
    }

    /**
     * Renews the lease on the files this instance is reading; what another instance took over (this one stalled
     * longer than a lease) is no longer renewed. Returns how many were renewed.
     */
    public int verleng() {
        int verlengd = 0;
        Instant nu = klok.instant();
        if (gehouden.isEmpty() || nu.isBefore(laatstVerlengd.plus(lease.dividedBy(3)))) {
            return 0;
        }
        laatstVerlengd = nu;
        for (String bestand : gehouden) {
            int rijen = jdbc.sql("update inbox_leesslot set verloopt_op = :tot "
                            + "where bestandsnaam = :bestand and instantie = :instantie")
                    .param("tot", Dialect.tijd(nu.plus(lease))).param("bestand", bestand)
                    .param("instantie", instantie).update();
            if (rijen == 1) {
                verlengd++;
            } else if (gehouden.remove(bestand)) {
                LOG.warn("Inbox: het leesslot van een bestand dat deze instantie las is door een andere overgenomen "
                        + "(langer dan {} niet verlengd)", lease);
            }
        }
        return verlengd;
    }

    public String instantie() {
        return instantie;
    }

    @Override
    protected void doStart() {
        // the table is made by Flyway
    }

    @Override
    protected void doStop() {
        // locks held at a clean stop are given up by the consumer's rollback; a crash leaves them to their lease
    }
}
