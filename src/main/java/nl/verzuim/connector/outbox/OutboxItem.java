package nl.verzuim.connector.outbox;

import java.time.Instant;

/**
 * One piece of delivery work. {@code sleutel} is chosen once and reused on every retry and after a restart: DUO's
 * identificatiecodeBedrijfsdocument, OT's Idempotency-Key. {@code reden} is only set for DUO_INTREKKEN: why a person
 * withdraws the melding.
 * {@code status} is the row's state when it was read (TE_VERZENDEN, VERZONDEN, MISLUKT, GEANNULEERD); with it,
 * when the next attempt is due, when the receiver got it and the last error, as the operator sees them.
 */
public record OutboxItem(long id, long meldingId, String kanaal, Operatie operatie, String sleutel, String berichtId,
                         int pogingen, Instant aangemaakt, String reden,
                         String status, Instant volgendePoging, Instant verzonden, String laatsteFout) {

    public enum Operatie {
        DUO_AANLEVEREN, DUO_INTREKKEN, OT_TRAJECT_AANMAKEN, OT_INDIENEN,
        // A running melding kept current (kanaal OTLOOP, delivered by ot.OtBijhouden in order per melding).
        OT_PERCENTAGE, OT_STATUSPERIODE, OT_STATUSPERIODE_BEEINDIGEN, OT_INTERVENTIE, OT_LOGBOEK, OT_AFRONDEN;

        /** Operations that bring the melding itself to its receiver (not a later withdrawal or upkeep). */
        public boolean levertMelding() {
            return this == DUO_AANLEVEREN || this == OT_TRAJECT_AANMAKEN || this == OT_INDIENEN;
        }
    }
}
