package nl.verzuim.connector.outbox;

import java.time.Instant;

/**
 * A dead letter as the operator sees it: which melding (its school and the pupil's LAS key), which receiver and
 * operation, the receiver's code and the reason, and how often it was tried. Ids and codes only: no personal data
 * (leerling_id is the LAS's key, not a name).
 */
public record Doodloper(long outboxId, long meldingId, String brin, String vestiging, String leerlingId,
                        String kanaal, String operatie, String code, String reden, int pogingen, Instant aangemaakt) {
}
