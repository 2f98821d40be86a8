package nl.verzuim.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * Complete files only (security review: a file written a line every 3 s was read after its first line and the rest
 * moved unread): the read lock waits until the file has stopped changing for connector.intake.read-lock-min-age.
 */
@TestPropertySource(properties = {"verzuim.test.read-lock-min-age=3s", "verzuim.test.inbox=inbox-langzaam"})
// its own context, inbox and database: closed afterwards, so that it never takes files of other tests' contexts
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LangzaamGeschrevenTest extends ConnectorTestBasis {

    @Autowired
    ConnectorInstellingen instellingen;

    @Test
    void eenBestandDatLangzaamGeschrevenWordtWordtHeelGelezen() throws Exception {
        Path inbox = Files.createDirectories(instellingen.inbox());
        assertThat(inbox).isNotEqualTo(MAP.resolve("inbox"));
        Path bestand = inbox.resolve("00YY00_langzaam.csv");
        int regels = 6;
        // written in the inbox itself, a line about every second, as a LAS that streams its export does
        try (Writer schrijver = Files.newBufferedWriter(bestand, StandardCharsets.UTF_8)) {
            schrijver.write("leerling_id;datum;code\n");
            schrijver.flush();
            for (int i = 1; i <= regels; i++) {
                Thread.sleep(1_000);
                schrijver.write("LN70" + i + ";2026-11-16;ONG\n");
                schrijver.flush();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(bestand));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("select count(*) from registratie")
                .query(Integer.class).single() == regels);
        assertThat(jdbc.sql("select count(*) from quarantaine").query(Integer.class).single()).isZero();
    }
}
