/**
 * Turning the rules' decisions into meldingen: which are new, which are incomplete (and which fields are missing),
 * which wait for a person's approval, and which go into the outbox — in the same transaction as the intake that
 * caused them.
 */
package nl.verzuim.connector.melding;
