package nl.verzuim.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a school's IT administrator does first: start the built jar from an empty folder outside the repository,
 * with no settings at all. Within 60 seconds it must report health UP and have done the sample flow — DUO melding
 * sent, OT traject submitted and accepted, the contactpersoon's mail delivered — and its log must carry no
 * personal data of the sample pupil.
 */
class SandboxJarIT {

    static final Path JAR = Path.of("target/verzuim-connector.jar").toAbsolutePath();
    private Process connector;

    @Test
    void deJarZonderInstellingenDoetDeVoorbeeldstroomBinnenZestigSeconden() throws Exception {
        for (int poort : new int[] {8080, 8089, 3025}) {
            if (!vrij(poort)) {
                fail("poort " + poort + " is bezet; de sandbox gebruikt zonder instellingen 8080, 8089 en 3025");
            }
        }
        Path leeg = Files.createTempDirectory("verzuim-sandbox-");
        Path log = leeg.resolve("connector.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Instant start = Instant.now();
        connector = new ProcessBuilder(java, "-jar", JAR.toString()).directory(leeg.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        wachtTot(start, () -> haal("http://localhost:8080/actuator/health").contains("\"status\":\"UP\""), log,
                "health UP");
        wachtTot(start, () -> haal("http://localhost:8080/sandbox/mail", true).contains("geaccepteerd door SPPOH"),
                log, "de mail aan de contactpersoon");
        Duration duur = Duration.between(start, Instant.now());
        System.out.println("Sandbox: voorbeeldstroom compleet na " + duur.toMillis() + " ms");

        // The page wants a login; the sandbox has its documented account, and says so in the log.
        HttpResponse<String> zonderLogin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:8080/")).header("Accept", "text/html").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(zonderLogin.statusCode()).as("een browser zonder login naar het inlogscherm").isEqualTo(302);
        assertThat(zonderLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(vraag("http://localhost:8080/api/meldingen", false).statusCode()).isEqualTo(401);
        String pagina = haal("http://localhost:8080/", true);
        assertThat(pagina).contains("RELATIEF_16_UUR").contains("meldingsnummer VM-").contains("LOPEND");
        assertThat(haal("http://localhost:8089/__admin/requests")).contains("/duo/verzuimmelding/v1")
                .contains("/ot/api/v1/trajecten");
        assertThat(Files.list(leeg.resolve("verzuim-data/processed"))).isNotEmpty();
        String logtekst = Files.readString(log);
        assertThat(logtekst).contains("als 'beheerder' met wachtwoord 'sandbox'");
        assertThat(logtekst).as("geen persoonsgegevens in de log")
                .doesNotContain("111222333").doesNotContain("Berg").doesNotContain("Adelaarslaan")
                .doesNotContain("2014-03-17").doesNotContain("17-03-2014");
        assertThat(pagina).as("geen persoonsgegevens op de pagina")
                .doesNotContain("111222333").doesNotContain("Berg").doesNotContain("Adelaarslaan");
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.destroy();
            if (!connector.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                connector.destroyForcibly();
            }
        }
    }

    interface Voorwaarde {
        boolean geldt() throws Exception;
    }

    private void wachtTot(Instant start, Voorwaarde voorwaarde, Path log, String wat) throws Exception {
        while (Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0) {
            if (!connector.isAlive()) {
                fail("de connector stopte onverwacht:\n" + Files.readString(log));
            }
            try {
                if (voorwaarde.geldt()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail(wat + " niet binnen 60 seconden; log:\n" + Files.readString(log));
    }

    private static String haal(String url) throws Exception {
        return haal(url, false);
    }

    /** With {@code ingelogd}: as the sandbox's documented account (HTTP basic; the page accepts it too). */
    private static String haal(String url, boolean ingelogd) throws Exception {
        return vraag(url, ingelogd).body();
    }

    private static HttpResponse<String> vraag(String url, boolean ingelogd) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (ingelogd) {
            verzoek.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("beheerder:sandbox".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean vrij(int poort) {
        try (ServerSocket socket = new ServerSocket(poort)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
