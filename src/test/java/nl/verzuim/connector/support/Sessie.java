package nl.verzuim.connector.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of the connector's page as a browser is one: a cookie jar (the session), redirects not followed (so a
 * test sees them), and the CSRF token taken from the forms of the last page read. Also plain HTTP basic calls for
 * the API.
 */
public final class Sessie {

    /** What a browser asks for when it loads a page or posts a form. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String basis;
    private final HttpClient http;
    private String csrf;

    private Sessie(String basis) {
        this(basis, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private Sessie(String basis, HttpClient http) {
        this.basis = basis;
        this.http = http;
    }

    /** The same browser, with its cookies, at another instance (as a load balancer would send it there). */
    public Sessie op(int poort) {
        return new Sessie("http://localhost:" + poort, http);
    }

    /** Not logged in; holds the anonymous session and its CSRF token from the login page. */
    public static Sessie anoniem(int poort) throws IOException, InterruptedException {
        Sessie sessie = new Sessie("http://localhost:" + poort);
        sessie.get("/login");
        return sessie;
    }

    /** Logged in through the login form, as a person does. */
    public static Sessie ingelogd(int poort, String gebruiker, String wachtwoord) throws IOException, InterruptedException {
        Sessie sessie = anoniem(poort);
        HttpResponse<String> antwoord = sessie.post("/login", Map.of("gebruikersnaam", gebruiker, "wachtwoord", wachtwoord));
        String naar = antwoord.headers().firstValue("Location").orElse("");
        if (antwoord.statusCode() != 302 || naar.contains("error")) {
            throw new IllegalStateException("inloggen als " + gebruiker + " mislukt: " + antwoord.statusCode() + " " + naar);
        }
        sessie.get("/"); // a fresh CSRF token: logging in replaces it
        return sessie;
    }

    public HttpResponse<String> get(String pad) throws IOException, InterruptedException {
        HttpResponse<String> antwoord = http.send(HttpRequest.newBuilder(URI.create(basis + pad)).header("Accept", ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(antwoord.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return antwoord;
    }

    /** A form post with the session's CSRF token, as the page's forms send it. */
    public HttpResponse<String> post(String pad, Map<String, String> velden) throws IOException, InterruptedException {
        Map<String, String> alles = new LinkedHashMap<>(velden);
        if (csrf != null) {
            alles.put("_csrf", csrf);
        }
        return postZonderToken(pad, alles);
    }

    /** A form post without a CSRF token: what a forged cross-site form would send along with the cookie. */
    public HttpResponse<String> postZonderToken(String pad, Map<String, String> velden) throws IOException, InterruptedException {
        String lichaam = velden.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(basis + pad))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(lichaam)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with the session cookie, the CSRF token as header, and any method; body JSON when given. */
    public HttpResponse<String> verzoek(String methode, String pad, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(basis + pad));
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.method(methode, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One API call with HTTP basic (no cookies); {@code gebruiker} null: without credentials. */
    public static HttpResponse<String> api(int poort, String methode, String pad, String json, String gebruiker,
                                           String wachtwoord) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad));
        if (gebruiker != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((gebruiker + ":" + wachtwoord).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(methode, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
