package nl.verzuim.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Sandbox mail viewer (security review: a mail sent to the embedded SMTP was served as HTML from the app's origin):
 * a mail is shown under a CSP that runs nothing and gives it an origin of its own. The SMTP server listens on
 * 127.0.0.1 only.
 */
class SandboxMailControllerTest {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void eenMailMetScriptWordtGetoondOnderEenCspDieNietsUitvoert() throws Exception {
        smtp.start();
        Properties instellingen = new Properties();
        instellingen.put("mail.smtp.host", "127.0.0.1");
        instellingen.put("mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(instellingen));
        mail.setFrom(new InternetAddress("aanvaller@elders.example"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("verzuim@school.example"));
        mail.setSubject("Let op");
        mail.setContent("<p>Hallo</p><script>fetch('/api/meldingen')</script>", "text/html; charset=UTF-8");
        Transport.send(mail);

        ResponseEntity<String> antwoord = new SandboxMailController(smtp).lees(0);
        String csp = antwoord.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).startsWith("sandbox;").contains("default-src 'none'").doesNotContain("script-src")
                .doesNotContain("allow-scripts");
        assertThat(antwoord.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
