/**
 * Onderwijs Transparant: trajecten zorgwekkend verzuim over REST (ot-api-v1.yaml) with OAuth2 client credentials
 * and an Idempotency-Key per operation, and SPPOH's answers coming back as events (webhook and polling) that are
 * acted on once per eventId, as the lifecycle's step function says ({@code levensloop.Levensloop.bijGebeurtenis}).
 * OT's JSON shapes are the leaf package {@code ot.model}, which only this module uses.
 */
@ApplicationModule(allowedDependencies = {"levensloop", "mail", "melding", "outbox", "leerling", "school", "rules"})
package nl.verzuim.connector.ot;

import org.springframework.modulith.ApplicationModule;
