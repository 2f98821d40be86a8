/**
 * The transactional outbox: delivery work stored in the same transaction as the decision that caused it, claimed
 * for a lease ({@link nl.verzuim.connector.outbox.OutboxRepository#claim}: {@code select … for update skip locked}),
 * retried with one {@link nl.verzuim.connector.outbox.Backoff} and given up as a dead letter
 * ({@link nl.verzuim.connector.outbox.Doodloper}) a person acts on. It knows its rows, not what they deliver: what a
 * failure means for a melding is {@link nl.verzuim.connector.outbox.OutboxWerk.Gevolgen}, implemented by the melding
 * module.
 */
@ApplicationModule(allowedDependencies = {})
package nl.verzuim.connector.outbox;

import org.springframework.modulith.ApplicationModule;
