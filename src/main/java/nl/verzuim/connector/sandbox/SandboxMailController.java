package nl.verzuim.connector.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * In the sandbox: read the mails the embedded SMTP server received, as the contactpersoon would see them. Anyone who
 * reaches the SMTP port can send a mail, so a mail is shown under a CSP {@code sandbox} that runs nothing: no script,
 * no form, no plugin, and an origin of its own, not the connector's (its session and API stay out of reach); it may
 * only use its own inline styles and inline images.
 */
@RestController
@ConditionalOnBean(GreenMail.class)
public class SandboxMailController {

    static final String CSP_MAIL = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final GreenMail smtp;

    public SandboxMailController(GreenMail smtp) {
        this.smtp = smtp;
    }

    @GetMapping(path = "/sandbox/mail", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> lijst() throws MessagingException {
        List<Map<String, Object>> mails = new ArrayList<>();
        MimeMessage[] ontvangen = smtp.getReceivedMessages();
        for (int i = 0; i < ontvangen.length; i++) {
            mails.add(Map.of("nummer", i, "aan", String.join(", ", GreenMailUtil.getAddressList(ontvangen[i].getAllRecipients())),
                    "onderwerp", ontvangen[i].getSubject(), "lees", "/sandbox/mail/" + i));
        }
        return mails;
    }

    @GetMapping(path = "/sandbox/mail/{nummer}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> lees(@PathVariable int nummer) throws MessagingException, IOException {
        MimeMessage[] ontvangen = smtp.getReceivedMessages();
        if (nummer < 0 || nummer >= ontvangen.length) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().header("Content-Security-Policy", CSP_MAIL)
                .header("X-Content-Type-Options", "nosniff").body(html(ontvangen[nummer].getContent()));
    }

    private static String html(Object inhoud) throws MessagingException, IOException {
        if (inhoud instanceof Multipart delen) {
            for (int i = 0; i < delen.getCount(); i++) {
                BodyPart deel = delen.getBodyPart(i);
                if (deel.isMimeType("text/html")) {
                    return deel.getContent().toString();
                }
                if (deel.getContent() instanceof Multipart) {
                    String binnen = html(deel.getContent());
                    if (binnen != null) {
                        return binnen;
                    }
                }
            }
            return null;
        }
        return inhoud.toString();
    }
}
