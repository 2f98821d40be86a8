package nl.verzuim.connector.outbox;

import java.time.Duration;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * How long delivery work waits after a failed attempt: {@code connector.outbox.backoff-start}, doubling with each
 * attempt, never more than {@code connector.outbox.backoff-max}. The one back-off of every delivery: DUO, OT, OT
 * upkeep and mail.
 */
public record Backoff(Duration start, Duration max) {

    public static Backoff van(ConnectorInstellingen.Outbox instellingen) {
        return new Backoff(instellingen.backoffStart(), instellingen.backoffMax());
    }

    /** The wait after failed attempt {@code poging} (1 for the first). */
    public Duration na(int poging) {
        Duration wacht = start;
        for (int i = 1; i < poging && wacht.compareTo(max) < 0; i++) {
            wacht = wacht.multipliedBy(2);
        }
        return wacht.compareTo(max) > 0 ? max : wacht;
    }
}
