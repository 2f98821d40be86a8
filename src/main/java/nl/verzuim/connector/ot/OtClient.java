package nl.verzuim.connector.ot;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.outbox.VerzondenBerichten;
import nl.verzuim.connector.ot.model.OtModel;

/**
 * Speaks ot-api-v1.yaml. OAuth2 client credentials: the token is cached and renewed shortly before it expires, and
 * once more when OT answers 401 anyway. Every POST carries the Idempotency-Key the caller chose for the operation,
 * so a retry after a time-out or a crash never creates a second traject.
 */
@Component
public class OtClient {

    /** Renew this long before the token's stated expiry, so that no request leaves with a dying token. */
    private static final long MARGE_SECONDEN = 30;

    private final RestClient rest;
    private final ConnectorInstellingen.Ot instellingen;
    private final ObjectMapper json;
    private final Clock klok;
    private String token;
    private Instant verloopt = Instant.EPOCH;

    public OtClient(ConnectorInstellingen instellingen, RestClient.Builder bouwer, ObjectMapper json, Clock klok) {
        this(instellingen, bouwer, json, klok, null);
    }

    /** With {@code verzonden}: every request with an Idempotency-Key is kept as it was sent (issue 14). */
    @Autowired
    public OtClient(ConnectorInstellingen instellingen, RestClient.Builder bouwer, ObjectMapper json, Clock klok,
                    VerzondenBerichten verzonden) {
        this.instellingen = instellingen.ot();
        this.json = json;
        this.klok = klok;
        // HTTP/1.1: the JDK client's h2c upgrade on a POST is not understood by every server.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.instellingen.connectTimeout()).build();
        JdkClientHttpRequestFactory fabriek = new JdkClientHttpRequestFactory(http);
        fabriek.setReadTimeout(this.instellingen.readTimeout());
        // Spring Boot's builder: its JSON converter writes dates as ISO strings, as the OT API expects.
        RestClient.Builder eigen = bouwer.clone().requestFactory(fabriek)
                .baseUrl(this.instellingen.baseUrl() == null ? "http://localhost" : this.instellingen.baseUrl());
        if (verzonden != null) {
            eigen.requestInterceptor(new OtVerzondenBerichten(verzonden, klok));
        }
        this.rest = eigen.build();
    }

    public OtModel.Traject trajectAanmaken(OtModel.NieuwTraject traject, String idempotencyKey) {
        return metToken(() -> rest.post().uri("/api/v1/trajecten").headers(h -> koppen(h, idempotencyKey))
                .contentType(MediaType.APPLICATION_JSON).body(traject).retrieve().body(OtModel.Traject.class));
    }

    public OtModel.Traject indienen(String trajectId, String idempotencyKey) {
        return metToken(() -> rest.post().uri("/api/v1/trajecten/{id}/indienen", trajectId)
                .headers(h -> koppen(h, idempotencyKey)).retrieve().body(OtModel.Traject.class));
    }

    public OtModel.Traject traject(String trajectId) {
        return metToken(() -> rest.get().uri("/api/v1/trajecten/{id}", trajectId).headers(h -> koppen(h, null))
                .retrieve().body(OtModel.Traject.class));
    }

    public OtModel.Gebeurtenissen gebeurtenissen(String cursor, int max) {
        return metToken(() -> rest.get()
                .uri(b -> {
                    b.path("/api/v1/gebeurtenissen").queryParam("max", max);
                    if (cursor != null) {
                        b.queryParam("na", cursor);
                    }
                    return b.build();
                })
                .headers(h -> koppen(h, null)).retrieve().body(OtModel.Gebeurtenissen.class));
    }

    private void koppen(HttpHeaders koppen, String idempotencyKey) {
        koppen.setBearerAuth(token);
        koppen.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        if (idempotencyKey != null) {
            koppen.set("Idempotency-Key", idempotencyKey);
        }
    }

    /** Runs a call with a valid token; on 401 the token is fetched anew and the call made once more. */
    private synchronized <T> T metToken(Supplier<T> aanroep) {
        if (token == null || klok.instant().isAfter(verloopt.minusSeconds(MARGE_SECONDEN))) {
            vernieuwToken();
        }
        try {
            return vertaal(aanroep);
        } catch (OtFout fout) {
            if (fout.status() != 401) {
                throw fout;
            }
            vernieuwToken();
            return vertaal(aanroep);
        }
    }

    private <T> T vertaal(Supplier<T> aanroep) {
        try {
            return aanroep.get();
        } catch (RestClientResponseException e) {
            throw fout(e.getStatusCode(), e.getResponseBodyAsString());
        } catch (ResourceAccessException e) {
            throw new OtFout(503, "NIET_BEREIKBAAR", null, e.getClass().getSimpleName());
        }
    }

    private void vernieuwToken() {
        MultiValueMap<String, String> formulier = new LinkedMultiValueMap<>();
        formulier.add("grant_type", "client_credentials");
        formulier.add("client_id", instellingen.clientId());
        formulier.add("client_secret", instellingen.clientSecret());
        OtModel.Token antwoord = vertaal(() -> rest.post().uri("/oauth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(formulier).retrieve()
                .body(OtModel.Token.class));
        if (antwoord == null || antwoord.access_token() == null) {
            throw new OtFout(502, "GEEN_TOKEN", null, "OT gaf geen access_token");
        }
        token = antwoord.access_token();
        long geldig = antwoord.expires_in() == null ? 300 : antwoord.expires_in();
        verloopt = klok.instant().plusSeconds(geldig);
    }

    /** Forgets the token, as if it expired (used when OT's clock and ours disagree). */
    public synchronized void vergeetToken() {
        token = null;
    }

    private OtFout fout(HttpStatusCode status, String lichaam) {
        try {
            OtModel.Fout fout = json.readValue(lichaam, OtModel.Fout.class);
            return new OtFout(status.value(), fout.code(), fout.velden(), fout.melding());
        } catch (Exception e) {
            return new OtFout(status.value(), null, null, null);
        }
    }

    // --- A running melding kept current (issue 6): each POST with the Idempotency-Key of its outbox item. ---

    public OtModel.PercentageOnderwijs percentageToevoegen(String trajectId, OtModel.PercentageOnderwijs percentage,
                                                           String idempotencyKey) {
        return post("/api/v1/trajecten/{id}/percentages", trajectId, percentage, idempotencyKey,
                OtModel.PercentageOnderwijs.class);
    }

    public OtModel.Statusperiode statusperiodeToevoegen(String trajectId, OtModel.Statusperiode periode,
                                                        String idempotencyKey) {
        return post("/api/v1/trajecten/{id}/statusperioden", trajectId, periode, idempotencyKey,
                OtModel.Statusperiode.class);
    }

    public OtModel.Statusperiode statusperiodeBeeindigen(String trajectId, String periodeId,
                                                         OtModel.Einddatum einddatum, String idempotencyKey) {
        return metToken(() -> rest.post().uri("/api/v1/trajecten/{id}/statusperioden/{periode}/beeindigen",
                        trajectId, periodeId).headers(h -> koppen(h, idempotencyKey))
                .contentType(MediaType.APPLICATION_JSON).body(einddatum).retrieve().body(OtModel.Statusperiode.class));
    }

    public OtModel.Interventie interventieToevoegen(String trajectId, OtModel.Interventie interventie,
                                                           String idempotencyKey) {
        return post("/api/v1/trajecten/{id}/interventies", trajectId, interventie, idempotencyKey,
                OtModel.Interventie.class);
    }

    public void logboekToevoegen(String trajectId, OtModel.Logboek regel, String idempotencyKey) {
        metToken(() -> rest.post().uri("/api/v1/trajecten/{id}/logboek", trajectId)
                .headers(h -> koppen(h, idempotencyKey)).contentType(MediaType.APPLICATION_JSON).body(regel)
                .retrieve().toBodilessEntity());
    }

    public OtModel.Traject afronden(String trajectId, OtModel.Afronding afronding, String idempotencyKey) {
        return post("/api/v1/trajecten/{id}/afronden", trajectId, afronding, idempotencyKey, OtModel.Traject.class);
    }

    private <T> T post(String pad, String trajectId, Object lichaam, String idempotencyKey, Class<T> antwoord) {
        return metToken(() -> rest.post().uri(pad, trajectId).headers(h -> koppen(h, idempotencyKey))
                .contentType(MediaType.APPLICATION_JSON).body(lichaam).retrieve().body(antwoord));
    }
}
