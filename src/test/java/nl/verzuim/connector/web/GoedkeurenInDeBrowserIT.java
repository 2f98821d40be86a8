package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.support.Chromium;
import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Verzuimbestanden;

/**
 * A verzuimcoördinator in a real browser ({@link Chromium}): logs in, finds the melding waiting for approval at a
 * school with {@code verzenden: na_goedkeuring}, approves it with one click, and DUO's WireMock receives it; the
 * audit trail names who approved. Screenshots are kept in {@code target/browser/}.
 */
class GoedkeurenInDeBrowserIT extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    Chromium chromium;
    WebDriver browser;

    /**
     * The test school, but every melding waits for a person's approval. The base class names the schools file of
     * this JVM's test folder (and its registration of connector.schools wins), so that file is replaced before this
     * test's context starts; this IT runs in failsafe's JVM, where no other connector context reads it.
     */
    @DynamicPropertySource
    static void naGoedkeuring(DynamicPropertyRegistry r) throws IOException {
        try (InputStream in = GoedkeurenInDeBrowserIT.class.getResourceAsStream("/scholen-goedkeuring.yaml")) {
            Files.copy(in, MAP.resolve("scholen.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        r.add("connector.test.scholen", () -> "na_goedkeuring"); // marks this context apart from the shared one
    }

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            try {
                chromium.schermafdruk("laatste");
            } finally {
                chromium.close();
            }
        }
    }

    @Test
    void inloggenDeWachtendeMeldingGoedkeurenEnDuoOntvangtHaar() throws Exception {
        zetInInbox("Voorbeelddossier_PaO_POSWV_sandbox.xml", osoDossier());
        Thread.sleep(500);
        zetInInbox("00YY00_verzuim.csv", Verzuimbestanden.vierWekenAfwezig());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from melding where kanaal = 'DUO' and status = 'WACHT_OP_GOEDKEURING'")
                .query(Integer.class).single() == 1);
        long id = jdbc.sql("select id from melding where kanaal = 'DUO' and status = 'WACHT_OP_GOEDKEURING'")
                .query(Long.class).single();

        chromium.inloggen(poort, BEHEERDER, BEHEERDER_WACHTWOORD);

        WebElement wachtend = browser.findElement(By.cssSelector("#wachtend + p + table tr[data-melding='" + id + "']"));
        // Decided on 29 October, so also past DUO's deadline: highlighted as late, which goes before waiting.
        assertThat(wachtend.getAttribute("class")).isEqualTo("te-laat");
        assertThat(wachtend.getText()).contains("LN094837").contains("16 uur in 4 lesweken").contains("Wacht op goedkeuring");
        assertThat(browser.getPageSource()).doesNotContain("111222333").doesNotContain("Adelaarslaan");
        chromium.schermafdruk("wachtende-melding");
        assertThat(duo()).as("nog niets naar DUO zolang niemand goedkeurt").isEmpty();

        wachtend.findElement(By.cssSelector("button.goedkeuren")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("is goedgekeurd"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !duo().isEmpty());
        assertThat(duo()).hasSize(1);
        assertThat(duo().get(0).getBodyAsString()).contains(">RELATIEF_16_UUR<").contains(">00YY<");
        await().atMost(Duration.ofSeconds(10)).until(() -> "VERZONDEN".equals(jdbc.sql(
                "select status from melding where id = ?").param(id).query(String.class).single()));
        assertThat(jdbc.sql("select door from audit where melding_id = ? and actie = 'GOEDGEKEURD'").param(id)
                .query(String.class).single()).isEqualTo(BEHEERDER);

        browser.get("http://localhost:" + poort + "/meldingen/" + id);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Verzonden").contains("meldingsnummer VM-")
                .contains("GOEDGEKEURD").contains(BEHEERDER);
        chromium.schermafdruk("goedgekeurd-en-verzonden");
    }

    private static java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> duo() {
        return MOCK.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/duo/verzuimmelding/v1")));
    }
}
