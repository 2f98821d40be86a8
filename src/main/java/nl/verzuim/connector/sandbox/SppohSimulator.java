package nl.verzuim.connector.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.verzuim.connector.ot.OtWebhookController;

/**
 * Plays SPPOH in the sandbox: when the mock OT has taken a submitted melding ({@code …/indienen}), it answers a
 * moment later with a signed {@code GEACCEPTEERD} (or, when so set, {@code TERUGGEZET}) event on the connector's
 * webhook — the same call a real OT makes. The OT-ID follows the mock's rule: trajectId TR-x has OT-ID OT-x.
 */
class SppohSimulator implements ServeEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(SppohSimulator.class);
    private static final Pattern INDIENEN = Pattern.compile(".*/api/v1/trajecten/(TR-[^/]+)/indienen$");

    private final IntSupplier connectorPoort;
    private final String geheim;
    private final String besluit;
    private final Clock klok;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SppohSimulator(IntSupplier connectorPoort, String geheim, String besluit, Clock klok) {
        this.connectorPoort = connectorPoort;
        this.geheim = geheim;
        this.besluit = besluit;
        this.klok = klok;
    }

    @Override
    public String getName() {
        return "sppoh-simulator";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        Matcher indienen = INDIENEN.matcher(event.getRequest().getUrl());
        if (!"POST".equals(event.getRequest().getMethod().getName()) || !indienen.matches()
                || event.getResponse().getStatus() != 200) {
            return;
        }
        String trajectId = indienen.group(1);
        String otId = "OT-" + trajectId.substring("TR-".length());
        String reden = "TERUGGEZET".equals(besluit)
                ? ",\"reden\":\"Graag de ondernomen acties van school aanvullen.\"" : "";
        String lichaam = "{\"eventId\":\"sandbox-" + UUID.randomUUID() + "\",\"type\":\"" + besluit
                + "\",\"trajectId\":\"" + trajectId + "\",\"otId\":\"" + otId + "\"" + reden
                + ",\"door\":\"SPPOH-adviseur (sandbox)\",\"tijdstip\":\""
                + OffsetDateTime.now(klok.withZone(ZoneOffset.UTC)).withNano(0) + "\"}";
        String handtekening = "sha256=" + OtWebhookController.hmac(geheim.getBytes(StandardCharsets.UTF_8),
                lichaam.getBytes(StandardCharsets.UTF_8));
        CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> {
            try {
                HttpRequest verzoek = HttpRequest.newBuilder(
                                URI.create("http://localhost:" + connectorPoort.getAsInt() + "/api/ot/gebeurtenissen"))
                        .header("Content-Type", "application/json").header("X-OT-Signature", handtekening)
                        .POST(HttpRequest.BodyPublishers.ofString(lichaam)).build();
                HttpResponse<Void> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.discarding());
                LOG.info("Sandbox-SPPOH: {} voor traject {} gemeld aan de connector (HTTP {})", besluit, trajectId,
                        antwoord.statusCode());
            } catch (Exception e) {
                LOG.warn("Sandbox-SPPOH kon de connector niet bereiken: {}", e.getClass().getSimpleName());
            }
        });
    }
}
