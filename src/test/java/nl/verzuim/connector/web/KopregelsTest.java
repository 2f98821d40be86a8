package nl.verzuim.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.verzuim.connector.support.ConnectorTestBasis;
import nl.verzuim.connector.support.Sessie;

/**
 * Headers and transport (security review: no CSP, Referrer-Policy or HSTS; the session cookie lacked SameSite and
 * Secure): the page runs no script and says so, the session cookie is SameSite=Strict and HttpOnly, and Secure with
 * HSTS once the request came over HTTPS (here: through a proxy that says so).
 */
class KopregelsTest extends ConnectorTestBasis {

    @LocalServerPort
    int poort;

    @Test
    void dePaginaVerbiedtScriptsEnVerwijzersEnLaadtAlleenEigenStijlen() throws Exception {
        HttpResponse<String> inloggen = get("/login", false);
        assertThat(inloggen.statusCode()).isEqualTo(200);
        String csp = inloggen.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("style-src 'self'").contains("form-action 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("script-src").doesNotContain("unsafe-inline");
        assertThat(inloggen.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(inloggen.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()");
        assertThat(inloggen.body()).doesNotContain("<style").doesNotContain("style=").doesNotContain("<script");
        assertThat(get("/inloggen.css", false).statusCode()).as("de stijl laadt voor het inloggen").isEqualTo(200);

        HttpResponse<String> overzicht = Sessie.ingelogd(poort, BEHEERDER, BEHEERDER_WACHTWOORD).get("/");
        assertThat(overzicht.statusCode()).isEqualTo(200);
        assertThat(overzicht.headers().firstValue("Content-Security-Policy")).hasValue(Beveiliging.CSP_PAGINA);
        assertThat(overzicht.body()).doesNotContain("<style").doesNotContain("style=").doesNotContain("<script");

        HttpResponse<String> api = Sessie.api(poort, "GET", "/api/meldingen", null, LEZER, LEZER_WACHTWOORD);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(Beveiliging.CSP_API);
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void hetSessiekoekjeIsStrictEnHttpOnlyEnOverHttpsOokSecure() throws Exception {
        HttpResponse<String> http = get("/login", false);
        String koekje = sessiekoekje(http.headers().allValues("Set-Cookie"));
        assertThat(koekje).contains("SameSite=Strict").contains("HttpOnly").doesNotContain("Secure");
        assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> https = get("/login", true);
        assertThat(sessiekoekje(https.headers().allValues("Set-Cookie"))).contains("SameSite=Strict")
                .contains("HttpOnly").contains("Secure");
        assertThat(https.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
    }

    private HttpResponse<String> get(String pad, boolean viaHttps) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad)).GET();
        if (viaHttps) {
            verzoek.header("X-Forwarded-Proto", "https");
        }
        return HttpClient.newHttpClient().send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessiekoekje(List<String> koekjes) {
        return koekjes.stream().filter(k -> k.startsWith("SESSION=")).findFirst().orElseThrow();
    }
}
