/**
 * Mails to the school's contactpersoon (Jakarta Mail through Camel's smtp endpoint): Dutch, HTML with a plain-text
 * part, from templates. Every mail names the school and the OT-ID and links to the traject; none carries a pupil's
 * name, BSN, address or birth date. Mails go through an outbox, so an SMTP server that is down delays a mail but
 * never loses it. The reminders (opgave, opschaling) are a mail job: {@link nl.verzuim.connector.mail.Herinneringsplan}
 * says what is due on a day, {@link nl.verzuim.connector.mail.Herinneringen} puts it in the mail outbox once.
 */
@ApplicationModule(allowedDependencies = {"levensloop", "melding", "school", "outbox", "rules"})
package nl.verzuim.connector.mail;

import org.springframework.modulith.ApplicationModule;
