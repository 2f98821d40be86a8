/**
 * The {@code controleer} command: checks a school's configuration and reaches each part it will talk to — database,
 * folders, schools file, DUO (TLS handshake with the client certificate), OT (a token), SMTP (EHLO) — without sending
 * a melding or a mail, and without starting the connector.
 */
@ApplicationModule(allowedDependencies = {"school", "waarschuwing", "intake", "rules"})
package nl.verzuim.connector.controleer;

import org.springframework.modulith.ApplicationModule;
