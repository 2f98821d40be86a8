package nl.verzuim.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.support.LevensloopTestBasis;

/**
 * SMTP down, then up: the mail waits in the outbox and is tried again with back-off, and once the server is back it
 * arrives exactly once. Its own SMTP port (and so its own Spring context): the JVM-wide GreenMail stays up for the
 * other test classes. That context is closed after this class: every context polls the one test inbox, and a file
 * another test class drops there must be read by that class's own connector.
 */
@DirtiesContext
class SmtpUitvalTest extends LevensloopTestBasis {

    static final int POORT = vrijePoort();

    /** The mail route's port only (ConnectorTestBasis's spring.mail.port would win over ours). */
    @DynamicPropertySource
    static void eigenSmtp(DynamicPropertyRegistry r) {
        r.add("connector.mail.smtp-port", () -> POORT);
    }

    @Autowired
    Herinneringen herinneringen;

    GreenMail later;

    @AfterEach
    void stop() {
        if (later != null) {
            later.stop();
        }
    }

    @Test
    void eenMailWachtTotSmtpTerugIsEnKomtEenKeerAan() throws Exception {
        otMelding(LEERLING, "SMTP", "LOPEND", LocalDate.of(2026, 10, 23));
        herinneringen.plan(); // (or the route's timer did)
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from mail_outbox")
                .query(Integer.class).single() == 1);

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select pogingen from mail_outbox").query(Integer.class).single() >= 2);
        assertThat(jdbc.sql("select status from mail_outbox").query(String.class).single()).isEqualTo("TE_VERZENDEN");
        assertThat(jdbc.sql("select laatste_fout from mail_outbox").query(String.class).single()).isNotBlank();

        later = new GreenMail(new ServerSetup(POORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        later.start();
        assertThat(later.waitForIncomingEmail(20_000, 1)).as("afgeleverd zodra SMTP terug is").isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> "VERZONDEN".equals(
                jdbc.sql("select status from mail_outbox").query(String.class).single()));
        Thread.sleep(2_500); // longer than the largest back-off here: a second send would have happened
        assertThat(later.getReceivedMessages()).as("één keer, niet dubbel").hasSize(1);
        assertThat(later.getReceivedMessages()[0].getSubject()).contains("OT-SMTP");
        assertThat(herinneringen.plan()).as("dezelfde herinnering niet opnieuw").isZero();
    }

    private static int vrijePoort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
