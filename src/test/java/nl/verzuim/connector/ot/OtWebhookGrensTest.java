package nl.verzuim.connector.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;

/**
 * Webhook limits (security review: five 300 MB unsigned bodies at once gave OutOfMemoryError, because the whole body
 * was buffered before the signature was checked): a body over connector.ot.webhook-max-grootte (1 MB) is refused
 * with 413 after at most that much was read, with or without a Content-Length, and the server's heap stays flat.
 */
@ExtendWith(OutputCaptureExtension.class)
class OtWebhookGrensTest extends ConnectorTestBasis {

    private static final long DRIEHONDERD_MB = 300L << 20;

    @LocalServerPort
    int poort;

    @Test
    void eenLichaamVanDriehonderdMbMetContentLengthKrijgt413ZonderDatHetGelezenWordt() throws Exception {
        long heapVoor = heapNaGc();
        Verstuurd verstuurd = stuur(true);
        assertThat(verstuurd.status()).startsWith("HTTP/1.1 413");
        assertThat(verstuurd.bytes()).as("de server las niet verder dan de grens en wat Tomcat wegslikt")
                .isLessThan(64L << 20);
        assertThat(heapNaGc() - heapVoor).as("heap van de server blijft vlak").isLessThan(64L << 20);
    }

    @Test
    void eenGestreamdLichaamZonderLengteKrijgt413NaDeGrens() throws Exception {
        long heapVoor = heapNaGc();
        Verstuurd verstuurd = stuur(false);
        assertThat(verstuurd.status()).startsWith("HTTP/1.1 413");
        assertThat(verstuurd.bytes()).isLessThan(64L << 20);
        assertThat(heapNaGc() - heapVoor).as("heap van de server blijft vlak").isLessThan(64L << 20);
        assertThat(jdbc.sql("select count(*) from ot_gebeurtenis").query(Integer.class).single()).isZero();
    }

    @Test
    void eenOndertekendMaarOngeldigLichaamGeeft400ZonderKlassenamen() throws Exception {
        String lichaam = "{\"eventId\": [1, 2";
        HttpResponse<String> antwoord = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + poort + "/api/ot/gebeurtenissen"))
                .header("Content-Type", "application/json")
                .header("X-OT-Signature", "sha256=" + OtWebhookController.hmac(
                        WEBHOOK_GEHEIM.getBytes(StandardCharsets.UTF_8), lichaam.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(lichaam)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).isEqualTo(400);
        assertThat(antwoord.body()).doesNotContainIgnoringCase("exception").doesNotContain("jackson")
                .doesNotContain("Json");
    }

    @Test
    void eenVloedOngetekendeVerzoekenGeeftHooguitEenLogregelPerMinuut(CapturedOutput uitvoer) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> antwoord = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + poort + "/api/ot/gebeurtenissen"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(antwoord.statusCode()).isEqualTo(401);
        }
        assertThat(uitvoer.getOut().lines().filter(r -> r.contains("OT-webhook:")).count()).isLessThanOrEqualTo(1);
        assertThat(uitvoer.getOut()).doesNotContain("OT-gebeurtenis geweigerd");
    }

    private record Verstuurd(String status, long bytes) {
    }

    /**
     * Streams 300 MB of zeros, generated as it goes (never held here), unsigned, over a plain socket; stops when the
     * server closes the connection. Returns the status line and how many bytes the server let through.
     */
    private Verstuurd stuur(boolean metLengte) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", poort), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream uit = socket.getOutputStream();
            String koppen = "POST /api/ot/gebeurtenissen HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (metLengte ? "Content-Length: " + DRIEHONDERD_MB + "\r\n" : "Transfer-Encoding: chunked\r\n")
                    + "\r\n";
            uit.write(koppen.getBytes(StandardCharsets.US_ASCII));
            AtomicLong verstuurd = new AtomicLong();
            CompletableFuture<Void> schrijver = CompletableFuture.runAsync(() -> {
                byte[] blok = new byte[64 << 10];
                byte[] kop = (Integer.toHexString(blok.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (verstuurd.get() < DRIEHONDERD_MB) {
                        if (!metLengte) {
                            uit.write(kop);
                        }
                        uit.write(blok);
                        if (!metLengte) {
                            uit.write(new byte[] {'\r', '\n'});
                        }
                        verstuurd.addAndGet(blok.length);
                    }
                } catch (IOException e) {
                    // the server closed the connection: what we expect once it has refused the body
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            try {
                schrijver.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                socket.close();
            }
            return new Verstuurd(status, verstuurd.get());
        }
    }

    private static long heapNaGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
