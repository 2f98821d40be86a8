package nl.verzuim.connector.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * The delivery routes' view of the outbox: claim due work, and after each attempt record delivered, retry later
 * ({@link Backoff}) or dead letter (a final fault, or too many attempts) — with the reason kept for the person who
 * must act on it. What a failure means for the melding delivered is said by {@link Gevolgen}, which the melding
 * module implements: the outbox knows its rows, not the meldingen.
 */
@Component
public class OutboxWerk {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWerk.class);
    /** The most one DUO delivery worker holds at once (see claim(kanaal, werkers)). */
    static final int PER_WERKER_MAX = 4;
    /** How many leases one piece of work is renewed for at most (with the 30 s default: 5 minutes). */
    public static final int MAX_LEASES = 10;

    private final OutboxRepository outbox;
    private final Gevolgen gevolgen;
    private final ConnectorInstellingen.Outbox instellingen;
    private final Backoff backoff;
    private final Clock klok;
    private final String instantie;
    private final Object claimSlot = new Object();
    /** The work this instance claimed and has not yet seen recorded, with when it was claimed. */
    private final Map<Long, Instant> gehouden = new ConcurrentHashMap<>();
    private volatile Instant laatstVerlengd = Instant.MIN;

    /**
     * What a failed attempt means beyond the outbox row, for the melding it delivers; told in the same
     * transaction.
     */
    public interface Gevolgen {
        /** Attempt {@code poging} failed with {@code fout}; the next one is due at {@code volgende}. */
        void opnieuwGepland(OutboxItem item, int poging, String fout, Instant volgende);

        /**
         * The work became a dead letter with the receiver's {@code code}: {@code reden} as the dead letter keeps it,
         * {@code voorDeMelding} as the melding's page shows it.
         */
        void opgegeven(OutboxItem item, String code, String reden, String voorDeMelding);
    }

    @Autowired
    public OutboxWerk(OutboxRepository outbox, Gevolgen gevolgen, ConnectorInstellingen instellingen, Clock klok) {
        this(outbox, gevolgen, instellingen, klok,
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** @param instantie the name this connector instance claims work under (one per process) */
    public OutboxWerk(OutboxRepository outbox, Gevolgen gevolgen, ConnectorInstellingen instellingen, Clock klok,
                      String instantie) {
        this.outbox = outbox;
        this.gevolgen = gevolgen;
        this.instellingen = instellingen.outbox();
        this.backoff = Backoff.van(instellingen.outbox());
        this.klok = klok;
        this.instantie = instantie;
    }

    /** Claims due work for one pass of a delivery route: up to connector.outbox.batch items. */
    public List<OutboxItem> claim(String kanaal) {
        return houd(outbox.claim(kanaal, instellingen.batch(), instantie, instellingen.lease(), klok.instant()));
    }

    /**
     * Claims due work for one of {@code werkers} workers that each send what they hold one after the other:
     * connector.outbox.batch spread over the workers, at least one and at most {@value #PER_WERKER_MAX} each. Few per
     * worker, so that what it holds is sent well within the longest renewed hold ({@value #MAX_LEASES} leases) even if
     * each call runs into the receive time-out.
     */
    public List<OutboxItem> claim(String kanaal, int werkers) {
        int max = Math.max(1, Math.min(PER_WERKER_MAX, instellingen.batch() / Math.max(1, werkers)));
        // This instance's workers claim one after the other (a claim takes milliseconds), so they do not pick the
        // same candidates; other instances are kept apart by the database's locks.
        synchronized (claimSlot) {
            return houd(outbox.claim(kanaal, max, instantie, instellingen.lease(), klok.instant()));
        }
    }

    /**
     * Claims due work for one pass of a delivery route, as {@code volgorde} allows (OT upkeep: in order per
     * melding): up to connector.outbox.batch items.
     */
    public List<OutboxItem> claim(String kanaal, OutboxRepository.Volgorde volgorde) {
        return houd(outbox.claim(kanaal, volgorde, instellingen.batch(), instantie, instellingen.lease(),
                klok.instant()));
    }

    private List<OutboxItem> houd(List<OutboxItem> geclaimd) {
        Instant nu = klok.instant();
        geclaimd.forEach(item -> gehouden.put(item.id(), nu));
        return geclaimd;
    }

    /**
     * Renews the lease on the work this instance holds, once a third of the lease has passed since the last
     * renewal (the delivery timer calls this often; most calls do nothing): a live instance keeps its work however
     * long its calls take, a dead one loses it within one lease. Work held longer than {@value #MAX_LEASES} leases
     * is no longer renewed: a worker that never records an outcome cannot keep work from the others for ever.
     * Returns the number of items renewed.
     */
    public int verleng() {
        if (gehouden.isEmpty()) {
            return 0;
        }
        Instant nu = klok.instant();
        Duration lease = instellingen.lease();
        if (nu.isBefore(laatstVerlengd.plus(lease.dividedBy(3)))) {
            return 0;
        }
        laatstVerlengd = nu;
        Instant grens = nu.minus(lease.multipliedBy(MAX_LEASES));
        gehouden.entrySet().removeIf(e -> e.getValue().isBefore(grens));
        Set<Long> gevraagd = new HashSet<>(gehouden.keySet());
        List<Long> nogGehouden = outbox.verleng(gevraagd, instantie, lease, nu);
        // What is no longer held (sent, retried, given up, or taken by another) needs no renewal any more; work
        // claimed while this ran was not asked about and stays.
        nogGehouden.forEach(gevraagd::remove);
        gevraagd.forEach(gehouden::remove);
        return nogGehouden.size();
    }

    public String instantie() {
        return instantie;
    }

    /** A failure worth another try: later, with back-off; a dead letter once the attempts are used up. */
    @Transactional
    public void opnieuw(OutboxItem item, String fout) {
        int poging = item.pogingen() + 1;
        if (poging >= instellingen.maxPogingen()) {
            mislukt(item, "MAX_POGINGEN", fout + " (opgegeven na " + poging + " pogingen)");
            return;
        }
        Duration wacht = backoff.na(poging);
        Instant volgende = klok.instant().plus(wacht);
        gehouden.remove(item.id());
        if (!outbox.opnieuw(item.id(), instantie, fout, volgende)) {
            LOG.warn("{} {} voor melding {}: late mislukte poging genegeerd; het werk is al verzonden of bij een "
                    + "andere instantie", item.kanaal(), item.operatie(), item.meldingId());
            return;
        }
        gevolgen.opnieuwGepland(item, poging, fout, volgende);
        LOG.warn("{} {} voor melding {} mislukt (poging {}), opnieuw over {}", item.kanaal(), item.operatie(),
                item.meldingId(), poging, wacht);
    }

    /** A final failure: the melding becomes a dead letter with the receiver's code and the reason. */
    @Transactional
    public void mislukt(OutboxItem item, String code, String fout) {
        mislukt(item, code, fout, fout);
    }

    /**
     * A final failure. {@code reden} goes with the dead letter (the API shows it: codes and field names only);
     * {@code voorDeMelding} is what the melding's page shows, and may carry the receiver's own explanation. A failed
     * withdrawal leaves the melding as it was (it is still at DUO), with the reason beside it.
     */
    @Transactional
    public void mislukt(OutboxItem item, String code, String reden, String voorDeMelding) {
        gehouden.remove(item.id());
        if (!outbox.mislukt(item.id(), instantie, code, reden)) {
            LOG.warn("{} {} voor melding {}: late definitieve fout ({}) genegeerd; het werk is al verzonden of bij "
                    + "een andere instantie", item.kanaal(), item.operatie(), item.meldingId(), code);
            return;
        }
        gevolgen.opgegeven(item, code, reden, voorDeMelding);
        LOG.error("{} {} voor melding {} definitief mislukt; zie de melding voor de reden", item.kanaal(),
                item.operatie(), item.meldingId());
    }
}
