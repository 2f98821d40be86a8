/**
 * Alerts to IT: the things that, left unseen, let a legal deadline pass — a LAS export that stopped, dead letters,
 * quarantined files, DUO deadlines about to pass, an expiring client certificate, a calendar not filled in for the
 * coming weeks. {@link nl.verzuim.connector.rules.Waarschuwingsregel} decides; {@link
 * nl.verzuim.connector.waarschuwing.Waarschuwingen} gathers the figures, mails through the mail outbox (route
 * {@code waarschuwingen}) and serves the page.
 */
@ApplicationModule(allowedDependencies = {"intake", "outbox", "melding", "mail", "school", "rules"})
package nl.verzuim.connector.waarschuwing;

import org.springframework.modulith.ApplicationModule;
