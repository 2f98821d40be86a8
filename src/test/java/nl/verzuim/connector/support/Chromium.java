package nl.verzuim.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the browser ITs: Debian's headless Chromium, driven through its chromedriver — nothing is
 * downloaded; Selenium Manager never runs because both paths are given. Each has a profile folder of its own, removed
 * on {@link #close()}. Screenshots go to {@code target/browser/}. Without Chromium the test fails: CI installs it
 * ({@code .ci/run}).
 */
public final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCHERMAFDRUKKEN = Path.of("target/browser");

    private final Path profiel;
    private final WebDriver browser;

    private Chromium(Path profiel, WebDriver browser) {
        this.profiel = profiel;
        this.browser = browser;
    }

    public static Chromium start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Chromium en chromedriver zijn nodig (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run doet dit)");
        }
        Path profiel = Files.createTempDirectory("verzuim-chromium-");
        try {
            ChromeOptions opties = new ChromeOptions();
            opties.setBinary(CHROMIUM.toFile());
            opties.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1366,900", "--user-data-dir=" + profiel);
            ChromeDriverService dienst = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(dienst, opties);
            Files.createDirectories(SCHERMAFDRUKKEN);
            return new Chromium(profiel, browser);
        } catch (RuntimeException | IOException e) {
            verwijder(profiel);
            throw e;
        }
    }

    public WebDriver browser() {
        return browser;
    }

    /** Logs in on the page of the connector at {@code poort}: the start page sends a stranger to the login first. */
    public void inloggen(int poort, String gebruiker, String wachtwoord) {
        browser.get("http://localhost:" + poort + "/");
        assertThat(browser.getCurrentUrl()).as("eerst inloggen").endsWith("/login");
        browser.findElement(By.id("gebruikersnaam")).sendKeys(gebruiker);
        browser.findElement(By.id("wachtwoord")).sendKeys(wachtwoord);
        browser.findElement(By.id("inloggen")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("Ingelogd als"));
    }

    /** The window as it is now, as {@code target/browser/<naam>.png}. */
    public void schermafdruk(String naam) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCHERMAFDRUKKEN.resolve(naam + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            verwijder(profiel);
        }
    }

    private static void verwijder(Path map) throws IOException {
        try (var paden = Files.walk(map)) {
            paden.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
