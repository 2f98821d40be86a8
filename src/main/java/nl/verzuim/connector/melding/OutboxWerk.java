package nl.verzuim.connector.melding;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.persistence.AuditRepository;
import nl.verzuim.connector.persistence.MeldingRepository;
import nl.verzuim.connector.persistence.OutboxItem;
import nl.verzuim.connector.persistence.OutboxRepository;

/**
 * The delivery routes' view of the outbox: claim due work, and after each attempt record delivered, retry later
 * (exponential back-off, bounded) or dead letter (a final fault, or too many attempts) — with the reason kept for
 * the person who must act on it.
 */
@Component
public class OutboxWerk {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWerk.class);

    private final OutboxRepository outbox;
    private final MeldingRepository meldingen;
    private final AuditRepository audit;
    private final ConnectorInstellingen.Outbox instellingen;
    private final Clock klok;
    private final String instantie;

    public OutboxWerk(OutboxRepository outbox, MeldingRepository meldingen, AuditRepository audit,
                      ConnectorInstellingen instellingen, Clock klok) {
        this.outbox = outbox;
        this.meldingen = meldingen;
        this.audit = audit;
        this.instellingen = instellingen.outbox();
        this.klok = klok;
        this.instantie = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public List<OutboxItem> claim(String kanaal) {
        return outbox.claim(kanaal, instellingen.batch(), instantie, instellingen.lease(), klok.instant());
    }

    /** A failure worth another try: later, with back-off; a dead letter once the attempts are used up. */
    @Transactional
    public void opnieuw(OutboxItem item, String fout) {
        int poging = item.pogingen() + 1;
        if (poging >= instellingen.maxPogingen()) {
            mislukt(item, fout + " (opgegeven na " + poging + " pogingen)");
            return;
        }
        Duration wacht = backoff(poging);
        Instant volgende = klok.instant().plus(wacht);
        outbox.opnieuw(item.id(), fout, volgende);
        meldingen.laatsteFout(item.meldingId(), "poging " + poging + " mislukt: " + fout + "; volgende poging om "
                + volgende, klok.instant());
        LOG.warn("{} {} voor melding {} mislukt (poging {}), opnieuw over {}", item.kanaal(), item.operatie(),
                item.meldingId(), poging, wacht);
    }

    /** A final failure: the melding becomes a dead letter with its reason. */
    @Transactional
    public void mislukt(OutboxItem item, String fout) {
        outbox.mislukt(item.id(), fout);
        meldingen.fout(item.meldingId(), MeldingStatus.MISLUKT, fout, klok.instant());
        audit.schrijf(item.meldingId(), "MISLUKT", item.kanaal(), item.operatie() + ": " + fout, "connector",
                klok.instant());
        LOG.error("{} {} voor melding {} definitief mislukt; zie de melding voor de reden", item.kanaal(),
                item.operatie(), item.meldingId());
    }

    Duration backoff(int poging) {
        Duration wacht = instellingen.backoffStart();
        for (int i = 1; i < poging && wacht.compareTo(instellingen.backoffMax()) < 0; i++) {
            wacht = wacht.multipliedBy(2);
        }
        return wacht.compareTo(instellingen.backoffMax()) > 0 ? instellingen.backoffMax() : wacht;
    }
}
