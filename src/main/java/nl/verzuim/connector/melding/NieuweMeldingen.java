package nl.verzuim.connector.melding;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxRepository;
import nl.verzuim.connector.rules.Kanaal;

/**
 * Writes new meldingen together with their audit line and, for one that is to be sent, its outbox work: one kind of
 * statement per batch (a region's file makes some 100,000 meldingen: one statement each cost more than judging
 * them), and a single melding the same way. What a new melding becomes is decided by {@link MeldingService}.
 */
@Component
class NieuweMeldingen {

    private static final Logger LOG = LoggerFactory.getLogger(NieuweMeldingen.class);

    /** New meldingen written per batch on the bulk path. */
    static final int BATCH = 1000;

    private final MeldingRepository meldingen;
    private final AuditRepository audit;
    private final OutboxRepository outbox;

    NieuweMeldingen(MeldingRepository meldingen, AuditRepository audit, OutboxRepository outbox) {
        this.meldingen = meldingen;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** A new melding as decided: the melding, its audit line, and whether it goes into the outbox. */
    record Nieuwe(MeldingRepository.Nieuw melding, String actie, String ontvanger, String details, String door,
                  boolean naarOutbox) {
    }

    /** The outbox work that sends a melding of this kanaal. */
    static OutboxItem.Operatie operatie(Kanaal kanaal) {
        return kanaal == Kanaal.DUO ? OutboxItem.Operatie.DUO_AANLEVEREN : OutboxItem.Operatie.OT_TRAJECT_AANMAKEN;
    }

    /** Writes the meldingen in one batch, then their audit lines, then their outbox work; returns their ids. */
    List<Long> schrijf(List<Nieuwe> nieuwe) {
        if (nieuwe.isEmpty()) {
            return List.of();
        }
        List<Long> ids = meldingen.nieuwAlle(nieuwe.stream().map(Nieuwe::melding).toList());
        List<AuditRepository.Regel> regels = new ArrayList<>(nieuwe.size());
        List<OutboxRepository.Plaatsing> plaatsingen = new ArrayList<>();
        for (int i = 0; i < nieuwe.size(); i++) {
            Nieuwe n = nieuwe.get(i);
            long id = ids.get(i);
            regels.add(new AuditRepository.Regel(id, n.actie(), n.ontvanger(), n.details(), n.door(),
                    n.melding().nu()));
            if (n.naarOutbox()) {
                Kanaal kanaal = n.melding().beslissing().kanaal();
                plaatsingen.add(new OutboxRepository.Plaatsing(id, kanaal.name(), operatie(kanaal), n.melding().nu()));
            }
            LOG.debug("Melding {} {} {} bewaard als {}", id, n.melding().beslissing().kanaal(),
                    n.melding().beslissing().soort(), n.melding().status());
        }
        audit.schrijfAlle(regels);
        outbox.plaatsAlle(plaatsingen);
        return ids;
    }
}
