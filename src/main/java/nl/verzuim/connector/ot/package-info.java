/**
 * Onderwijs Transparant: trajecten zorgwekkend verzuim over REST (ot-api-v1.yaml) with OAuth2 client credentials
 * and an Idempotency-Key per operation, and SPPOH's answers coming back as events (webhook and polling) that are
 * acted on once per eventId.
 */
@ApplicationModule(allowedDependencies = {"levensloop", "mail", "melding", "outbox", "leerling", "school", "rules"})
package nl.verzuim.connector.ot;

import org.springframework.modulith.ApplicationModule;
