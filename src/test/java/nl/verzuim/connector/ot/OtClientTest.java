package nl.verzuim.connector.ot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import nl.verzuim.connector.config.ConnectorInstellingen;
import nl.verzuim.connector.support.Instellingen;

/**
 * The OT client's token: fetched once and reused, renewed before it expires (not after a failed call), and
 * fetched once more when OT answers 401 anyway — once, not in a loop.
 */
class OtClientTest {

    private final WireMockServer ot = new WireMockServer(wireMockConfig().dynamicPort());
    private final VerstelbareKlok klok = new VerstelbareKlok(Instant.parse("2026-11-20T15:00:00Z"));
    private OtClient client;

    @BeforeEach
    void start() {
        ot.start();
        ot.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"access_token\":\"token-{{randomValue length=8 type='ALPHANUMERIC'}}\","
                + "\"token_type\":\"Bearer\",\"expires_in\":3600}").withTransformers("response-template")));
        ConnectorInstellingen instellingen = Instellingen.van(Map.of("connector.ot.base-url", ot.baseUrl(),
                "connector.ot.client-id", "school", "connector.ot.client-secret", "geheim"));
        client = new OtClient(instellingen, RestClient.builder(), new ObjectMapper(), klok);
    }

    @AfterEach
    void stop() {
        ot.stop();
    }

    private void trajectOk() {
        ot.stubFor(get(urlPathEqualTo("/api/v1/trajecten/TR-1")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"trajectId\":\"TR-1\",\"status\":\"LOPEND\"}")));
    }

    private List<String> gebruikteTokens() {
        return ot.findAll(getRequestedFor(urlPathEqualTo("/api/v1/trajecten/TR-1"))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }

    @Test
    void hetTokenWordtHergebruiktEnVoorHetVerlopenVernieuwd() {
        trajectOk();
        client.traject("TR-1");
        klok.verder(Duration.ofMinutes(30));
        client.traject("TR-1");
        assertThat(ot.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))).as("een token voor beide").hasSize(1);

        // 3,600 s valid: 29 minutes and 31 seconds later it is within the 30 s margin, and is renewed first.
        klok.verder(Duration.ofMinutes(29).plusSeconds(31));
        assertThat(client.traject("TR-1").status()).isEqualTo("LOPEND");
        assertThat(ot.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))).hasSize(2);
        List<String> tokens = gebruikteTokens();
        assertThat(tokens.get(0)).isEqualTo(tokens.get(1)).isNotEqualTo(tokens.get(2));
        assertThat(ot.findAll(getRequestedFor(urlPathEqualTo("/api/v1/trajecten/TR-1")))).as("geen mislukte aanroep")
                .hasSize(3);
    }

    @Test
    void bijEen401WordtHetTokenEenKeerVernieuwdEnDeAanroepHerhaald() {
        trajectOk();
        ot.stubFor(get(urlPathEqualTo("/api/v1/trajecten/TR-1")).atPriority(1).inScenario("ingetrokken")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("weer goed")
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":\"TOKEN_ONGELDIG\"}")));
        assertThat(client.traject("TR-1").status()).isEqualTo("LOPEND");
        assertThat(ot.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))).hasSize(2);
        List<String> tokens = gebruikteTokens();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0)).isNotEqualTo(tokens.get(1));
    }

    @Test
    void eenBlijvende401GeeftEenFoutNaPreciesEenHerhaling() {
        ot.stubFor(get(urlPathEqualTo("/api/v1/trajecten/TR-1")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"TOKEN_ONGELDIG\"}")));
        assertThatThrownBy(() -> client.traject("TR-1")).isInstanceOf(OtFout.class)
                .satisfies(f -> assertThat(((OtFout) f).status()).isEqualTo(401));
        assertThat(gebruikteTokens()).hasSize(2);
        assertThat(ot.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))).hasSize(2);
    }

    static final class VerstelbareKlok extends Clock {
        private Instant nu;

        VerstelbareKlok(Instant start) {
            this.nu = start;
        }

        void verder(Duration duur) {
            nu = nu.plus(duur);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return nu;
        }
    }
}
