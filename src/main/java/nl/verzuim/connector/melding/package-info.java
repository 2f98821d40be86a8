/**
 * Turning the rules' decisions into meldingen: which are new, which are incomplete (and which fields are missing),
 * which wait for a person's approval, and which go into the outbox — in the same transaction as the intake that
 * caused them; what a person does with a melding (approve, withdraw, retry); the audit trail; and what a receiver
 * needs to get a melding ({@link nl.verzuim.connector.melding.Afleverdossiers}).
 */
@ApplicationModule(allowedDependencies = {"rules", "school", "leerling", "outbox"})
package nl.verzuim.connector.melding;

import org.springframework.modulith.ApplicationModule;
