package nl.verzuim.connector.melding;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import nl.verzuim.connector.outbox.OutboxItem;
import nl.verzuim.connector.outbox.OutboxWerk;

/**
 * What a failed delivery attempt means for the melding: a retry is noted in its last error; a dead letter of the
 * melding itself makes it MISLUKT, one of a later operation (a withdrawal, OT upkeep) leaves it where it is with the
 * reason beside it. Each dead letter goes to the audit trail. Runs in the outbox's transaction.
 */
@Component
public class MeldingAflevergevolgen implements OutboxWerk.Gevolgen {

    private final MeldingRepository meldingen;
    private final AuditRepository audit;
    private final Clock klok;

    public MeldingAflevergevolgen(MeldingRepository meldingen, AuditRepository audit, Clock klok) {
        this.meldingen = meldingen;
        this.audit = audit;
        this.klok = klok;
    }

    @Override
    public void opnieuwGepland(OutboxItem item, int poging, String fout, Instant volgende) {
        meldingen.laatsteFout(item.meldingId(), "poging " + poging + " mislukt: " + fout + "; volgende poging om "
                + volgende, klok.instant());
    }

    @Override
    public void opgegeven(OutboxItem item, String code, String reden, String voorDeMelding) {
        if (item.operatie().levertMelding()) {
            meldingen.fout(item.meldingId(), MeldingStatus.MISLUKT, voorDeMelding, klok.instant());
        } else {
            meldingen.laatsteFout(item.meldingId(), item.operatie() + " mislukt: " + voorDeMelding, klok.instant());
        }
        audit.schrijf(item.meldingId(), "MISLUKT", item.kanaal(), item.operatie() + ": " + code + "; " + reden,
                "connector", klok.instant());
    }
}
