package nl.verzuim.connector.mail;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailConstants;
import org.springframework.stereotype.Component;

import nl.verzuim.connector.config.ConnectorInstellingen;

/**
 * Plumbing between a {@link MailBericht} and camel-mail: HTML body with the plain-text part as alternative, and a
 * stable Message-ID so that a mail resent after a crash can be recognised as the same mail.
 */
@Component("mailKoppen")
public class MailKoppen implements Processor {

    private final String afzender;

    public MailKoppen(ConnectorInstellingen instellingen) {
        this.afzender = instellingen.mail().from();
    }

    @Override
    public void process(Exchange exchange) {
        MailBericht mail = exchange.getIn().getBody(MailBericht.class);
        Message bericht = exchange.getIn();
        bericht.removeHeaders("*");
        bericht.setHeader("To", mail.ontvanger());
        bericht.setHeader("From", afzender);
        bericht.setHeader("Subject", mail.onderwerp());
        bericht.setHeader("Message-ID", "<" + mail.sleutel().replaceAll("[^A-Za-z0-9.-]", "-") + "@verzuim-connector>");
        bericht.setHeader("Content-Type", "text/html; charset=UTF-8");
        bericht.setHeader(MailConstants.MAIL_ALTERNATIVE_BODY, mail.tekst());
        exchange.setProperty("mailBericht", mail);
        bericht.setBody(mail.html());
    }
}
