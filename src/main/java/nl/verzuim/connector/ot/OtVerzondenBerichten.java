package nl.verzuim.connector.ot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import nl.verzuim.connector.outbox.VerzondenBerichten;

/**
 * Keeps every OT request that carries an Idempotency-Key (outbox work: a traject, its submission, the lifecycle's
 * calls) exactly as it went out — the JSON bytes the client wrote — with OT's status and answer. Token requests
 * carry no key and are not kept (they hold the client secret). Never logged.
 */
class OtVerzondenBerichten implements ClientHttpRequestInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(OtVerzondenBerichten.class);

    private final VerzondenBerichten berichten;
    private final Clock klok;

    OtVerzondenBerichten(VerzondenBerichten berichten, Clock klok) {
        this.berichten = berichten;
        this.klok = klok;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest verzoek, byte[] lichaam, ClientHttpRequestExecution uitvoering)
            throws IOException {
        String sleutel = verzoek.getHeaders().getFirst("Idempotency-Key");
        if (sleutel == null) {
            return uitvoering.execute(verzoek, lichaam);
        }
        bewaar(() -> berichten.verzonden(sleutel, verzoek.getMethod() + " " + verzoek.getURI().getPath(),
                new String(lichaam, StandardCharsets.UTF_8), klok.instant()));
        ClientHttpResponse antwoord = uitvoering.execute(verzoek, lichaam);
        byte[] terug = antwoord.getBody().readAllBytes();
        int status = antwoord.getStatusCode().value();
        bewaar(() -> berichten.beantwoord(sleutel, status, new String(terug, StandardCharsets.UTF_8), klok.instant()));
        return new Gelezen(antwoord, terug);
    }

    private static void bewaar(Runnable bewaren) {
        try {
            bewaren.run();
        } catch (RuntimeException e) {
            // keeping the copy must never stop the delivery; the audit trail still says what was sent
            LOG.warn("Verzonden OT-bericht niet bewaard ({})", e.getClass().getSimpleName());
        }
    }

    /** The answer with its body already read, for the client to read once more. */
    private record Gelezen(ClientHttpResponse antwoord, byte[] lichaam) implements ClientHttpResponse {
        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return antwoord.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return antwoord.getStatusText();
        }

        @Override
        public void close() {
            antwoord.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(lichaam);
        }

        @Override
        public HttpHeaders getHeaders() {
            return antwoord.getHeaders();
        }
    }
}
