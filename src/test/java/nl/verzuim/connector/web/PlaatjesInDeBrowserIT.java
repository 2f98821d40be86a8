package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.verzuim.connector.leerling.RegistratieRepository;
import nl.verzuim.connector.rules.Afwezigheidscode;
import nl.verzuim.connector.rules.Registratie;
import nl.verzuim.connector.support.Chromium;
import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Testmeldingen;

/**
 * The pictures in a real browser ({@link Chromium}, as {@link GoedkeurenInDeBrowserIT}): the melding's calendar, the
 * overview's charts and the pupil's year render with a size, and their text equivalents are in the page.
 * Screenshots in {@code target/browser/}: melding-kalender.png, overzicht-grafieken.png, leerling.png.
 */
class PlaatjesInDeBrowserIT extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    @Autowired
    RegistratieRepository registraties;

    Chromium chromium;
    WebDriver browser;

    /** A folder and context of its own: GoedkeurenInDeBrowserIT rewrites the shared schools file in this JVM. */
    @DynamicPropertySource
    static void eigen(DynamicPropertyRegistry r) {
        eigenMap(r, "scholen-test.yaml");
    }

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void deKalenderDeGrafiekenEnHetSchooljaarStaanInDeBrowser() throws Exception {
        Testmeldingen t = new Testmeldingen(jdbc);
        long duo = t.melding("00YY", "LN094837", "DUO", "RELATIEF_16_UUR", "VERZONDEN", LocalDate.of(2026, 11, 17));
        long ot = t.melding("00YY", "LN094837", "OT", "A_LANGDURIG_RELATIEF_VERZUIM", "VERZONDEN", null, null,
                "LOPEND", OffsetDateTime.parse("2026-11-18T10:00:00+01:00"));
        jdbc.sql("update melding set begindatum = ? where id = ?").params(LocalDate.of(2026, 8, 3), ot).update();
        t.melding("00YY", "LN094837", "SIGNAAL", "ZAS_7E_ZIEKTEDAG_AANEENGESLOTEN", "GESIGNALEERD", null, null, null,
                OffsetDateTime.parse("2026-10-07T10:00:00+02:00"));
        for (LocalDate dag = LocalDate.of(2026, 9, 1); !dag.isAfter(LocalDate.of(2026, 11, 20)); dag = dag.plusDays(1)) {
            int n = dag.getDayOfMonth();
            if (dag.getDayOfWeek().getValue() > 5 || (dag.isBefore(LocalDate.of(2026, 11, 2)) && n % 3 != 0)) {
                continue;
            }
            Registratie r = dag.isBefore(LocalDate.of(2026, 11, 2))
                    ? (n % 2 == 0 ? Registratie.minuten(dag, 60 + 10 * n, Afwezigheidscode.ZK)
                    : Registratie.minuten(dag, 30, Afwezigheidscode.TL))
                    : Registratie.heleDag(dag, dag.isAfter(LocalDate.of(2026, 11, 10)) ? Afwezigheidscode.ZK
                    : Afwezigheidscode.ONG);
            registraties.bewaar("00YY", "00", "LN094837", r, "00YY00_verzuim.csv", n);
        }

        chromium.inloggen(poort, LEZER, LEZER_WACHTWOORD);
        browser.get("http://localhost:" + poort + "/meldingen/" + duo);
        WebElement kalender = plaatje("kalender-" + duo);
        assertThat(tekstequivalent("kalender-" + duo)).contains("02-11-2026").contains("ONG").contains("ja");
        assertThat(kalender.findElements(By.cssSelector("line.drempel"))).hasSize(1);
        afdruk(browser.findElement(By.cssSelector("figure[data-plaatje='kalender-" + duo + "']")), "melding-kalender");

        browser.get("http://localhost:" + poort + "/");
        plaatje("weken");
        plaatje("ambitie");
        assertThat(tekstequivalent("weken")).contains("week 47 (vanaf 16-11-2026)");
        assertThat(tekstequivalent("ambitie")).contains("Testschool De Verrekijker (00YY00)");
        assertThat(browser.findElement(By.cssSelector("#ambitie rect.te-lang")).getSize().getWidth()).isPositive();
        afdruk(browser.findElement(By.cssSelector(".grafieken")), "overzicht-grafieken");

        browser.findElement(By.cssSelector("a[href='/meldingen/" + duo + "']")).click();
        browser.findElement(By.cssSelector("a[href='/meldingen/" + duo + "/leerling']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/leerling"));
        assertThat(browser.getCurrentUrl()).doesNotContain("LN094837");
        plaatje("jaarkaart");
        assertThat(tekstequivalent("jaarkaart")).contains("november 2026");
        assertThat(browser.findElement(By.cssSelector("#jaarkaart-desc")).getAttribute("textContent"))
                .contains("#" + duo + " DUO").contains("#" + ot + " OT").contains("SIGNAAL");
        afdruk(browser.findElement(By.tagName("main")), "leerling");
    }

    /** The SVG is drawn: it has a size on screen, its title and desc are there and name it for a screen reader. */
    private WebElement plaatje(String id) {
        WebElement svg = browser.findElement(By.id(id));
        assertThat(svg.getSize().getWidth()).as(id).isGreaterThan(100);
        assertThat(svg.getSize().getHeight()).as(id).isGreaterThan(50);
        Number getekend = (Number) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].getBBox().width * arguments[0].getBBox().height;", svg);
        assertThat(getekend.doubleValue()).as(id + " heeft inhoud").isPositive();
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(browser.findElement(By.id(id + "-titel")).getAttribute("textContent")).isNotBlank();
        assertThat(browser.findElement(By.id(id + "-desc")).getAttribute("textContent")).isNotBlank();
        return svg;
    }

    /** The hidden table's text (hidden on screen, so read as the screen reader does: textContent). */
    private String tekstequivalent(String id) {
        return browser.findElement(By.cssSelector("table[data-tekst-van='" + id + "']")).getAttribute("textContent");
    }

    private void afdruk(WebElement wat, String naam) throws IOException {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", wat);
        File png = wat.getScreenshotAs(OutputType.FILE);
        assertThat(png.length()).isPositive();
        Files.copy(png.toPath(), Chromium.SCHERMAFDRUKKEN.resolve(naam + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
