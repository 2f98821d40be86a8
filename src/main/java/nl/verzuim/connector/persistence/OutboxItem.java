package nl.verzuim.connector.persistence;

import java.time.Instant;

/**
 * One piece of delivery work. {@code sleutel} is chosen once and reused on every retry and after a restart: DUO's
 * identificatiecodeBedrijfsdocument, OT's Idempotency-Key. {@code reden} is only set for DUO_INTREKKEN: why a person
 * withdraws the melding.
 */
public record OutboxItem(long id, long meldingId, String kanaal, Operatie operatie, String sleutel, String berichtId,
                         int pogingen, Instant aangemaakt, String reden) {

    public enum Operatie {
        DUO_AANLEVEREN, DUO_INTREKKEN, OT_TRAJECT_AANMAKEN, OT_INDIENEN;

        /** Operations that bring the melding itself to its receiver (not a later withdrawal). */
        public boolean levertMelding() {
            return this != DUO_INTREKKEN;
        }
    }
}
