package nl.verzuim.connector.persistence;

import java.time.Instant;

/**
 * A dead letter as the operator sees it: which melding, which receiver and operation, the receiver's code and the
 * reason, and how often it was tried. Ids and codes only: no personal data.
 */
public record Doodloper(long outboxId, long meldingId, String kanaal, String operatie, String code, String reden,
                        int pogingen, Instant aangemaakt) {
}
