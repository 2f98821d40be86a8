package nl.verzuim.connector.controleer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar verzuim-connector.jar controleer} (src/docs/operating.md, "Before going live: controleer"): against
 * WireMock serving {@code mappings/} as DUO and OT, GreenMail as SMTP and an H2 file, every part is in order and
 * the exit status is 0; each part failing on its own is named and makes the status 1. Nothing is sent: OT receives a
 * token request only, SMTP no mail.
 */
class ControleerCommandoTest {

    static final Clock KLOK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static WireMockServer mock;
    static GreenMail smtp;

    @TempDir
    Path map;

    @BeforeAll
    static void start() {
        mock = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("."));
        mock.start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stop() {
        mock.stop();
        smtp.stop();
    }

    @Test
    void allesInOrde() throws IOException {
        ByteArrayOutputStream uitvoer = new ByteArrayOutputStream();
        int status = ControleerCommando.voerUit(argumenten(Map.of()), new PrintStream(uitvoer, true,
                StandardCharsets.UTF_8), KLOK);
        String tekst = uitvoer.toString(StandardCharsets.UTF_8);
        assertThat(tekst).contains("[ OK ] instellingen", "[ OK ] database", "[ OK ] mappen", "[ OK ] scholenbestand",
                "[ OK ] DUO", "[ OK ] DUO-certificaat", "[ OK ] OT: token ontvangen", "[ OK ] SMTP", "Alles in orde.")
                .doesNotContain("[FOUT]");
        assertThat(status).isZero();
        assertThat(tekst).contains("migratie(s) worden bij de start uitgevoerd");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(mock.getAllServeEvents()).allMatch(e -> e.getRequest().getUrl().equals("/ot/oauth/token"));
    }

    @Test
    void eenOntbrekendeInstellingWordtGenoemd() throws IOException {
        Map<String, String> zonder = new java.util.HashMap<>(basis());
        zonder.remove("connector.duo.ontvanger-oin");
        List<ControleerCommando.Punt> punten = ControleerCommando.controleer(ControleerCommando.omgeving(
                zonder.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new)), KLOK);
        assertThat(onderdelen(punten)).containsEntry("instellingen", false);
        assertThat(toelichting(punten, "instellingen")).contains("connector.duo.ontvanger-oin ontbreekt");
    }

    @Test
    void databaseNietBereikbaar() throws IOException {
        List<ControleerCommando.Punt> punten = lijst(Map.of("spring.datasource.url",
                "jdbc:postgresql://127.0.0.1:" + weigerendePoort() + "/verzuim", "spring.datasource.username", "x"));
        assertThat(alleenFout(punten)).containsExactly("database");
    }

    @Test
    void inboxNietSchrijfbaar() throws IOException {
        Path bestand = Files.writeString(map.resolve("geen-map"), "een bestand, geen map");
        assertThat(alleenFout(lijst(Map.of("connector.inbox", bestand.toString())))).containsExactly("mappen");
    }

    @Test
    void kalenderDektDeKomendeAchtWekenNiet() throws IOException {
        Path scholen = map.resolve("scholen-kort.yaml");
        try (InputStream in = getClass().getResourceAsStream("/scholen-test.yaml")) {
            Files.copy(in, scholen); // its last vakantie ends 3 January 2027, within 8 weeks of 20 November 2026
        }
        List<ControleerCommando.Punt> punten = lijst(Map.of("connector.schools", scholen.toString()));
        assertThat(alleenFout(punten)).containsExactly("scholenbestand");
        assertThat(toelichting(punten, "scholenbestand")).contains("00YY00").contains("2027-01-15");
    }

    @Test
    void eenAccountVoorEenSchoolDieNietInHetScholenbestandStaatIsEenFout() throws IOException {
        String hash = "$2a$10$" + "a".repeat(53);
        List<ControleerCommando.Punt> goed = lijst(Map.of("connector.beheer.accounts[0].gebruikersnaam", "piet",
                "connector.beheer.accounts[0].hash", hash, "connector.beheer.accounts[0].rol", "lezer",
                "connector.beheer.accounts[0].scholen[0]", "00yy00"));
        assertThat(onderdelen(goed)).containsEntry("accounts", true);

        List<ControleerCommando.Punt> fout = lijst(Map.of("connector.beheer.accounts[0].gebruikersnaam", "piet",
                "connector.beheer.accounts[0].hash", hash, "connector.beheer.accounts[0].rol", "lezer",
                "connector.beheer.accounts[0].scholen[0]", "00YY00", "connector.beheer.accounts[0].scholen[1]", "12AB01"));
        assertThat(alleenFout(fout)).containsExactly("accounts");
        assertThat(toelichting(fout, "accounts")).contains("'piet' noemt school 12AB01").doesNotContain("00YY00")
                .doesNotContain(hash);
    }

    @Test
    void duoWeigert() throws IOException {
        List<ControleerCommando.Punt> punten = lijst(Map.of("connector.duo.endpoint",
                "http://127.0.0.1:" + weigerendePoort() + "/duo/verzuimmelding/v1"));
        assertThat(alleenFout(punten)).containsExactly("DUO");
        assertThat(toelichting(punten, "DUO")).contains("ConnectException");
    }

    @Test
    void otWeigertHetClientSecret() throws IOException {
        List<ControleerCommando.Punt> punten = lijst(Map.of("connector.ot.client-secret", "onjuist"));
        assertThat(alleenFout(punten)).containsExactly("OT");
        assertThat(toelichting(punten, "OT")).contains("HTTP 401").doesNotContain("onjuist");
    }

    @Test
    void smtpWeigert() throws IOException {
        String poort = String.valueOf(weigerendePoort());
        List<ControleerCommando.Punt> punten = lijst(Map.of("spring.mail.port", poort, "connector.mail.smtp-port", poort));
        assertThat(alleenFout(punten)).containsExactly("SMTP");
    }

    @Test
    void eenFoutGeeftStatusEen() throws IOException {
        Map<String, String> instellingen = new java.util.HashMap<>(basis());
        instellingen.put("connector.ot.client-secret", "onjuist");
        ByteArrayOutputStream uitvoer = new ByteArrayOutputStream();
        int status = ControleerCommando.voerUit(instellingen.entrySet().stream().map(e -> "--" + e.getKey() + "="
                + e.getValue()).toArray(String[]::new), new PrintStream(uitvoer, true, StandardCharsets.UTF_8), KLOK);
        assertThat(status).isEqualTo(1);
        assertThat(uitvoer.toString(StandardCharsets.UTF_8)).contains("[FOUT] OT").contains("1 onderde(e)l(en) niet in orde.");
    }

    @Test
    void duoOverTlsMetHetClientcertificaat() throws Exception {
        WireMockServer duo = duoMetClientcertificaat();
        try {
            Map<String, String> tls = new java.util.HashMap<>(Map.of(
                    "connector.duo.endpoint", "https://localhost:" + duo.httpsPort() + "/duo/verzuimmelding/v1",
                    "connector.duo.tls.truststore", pad("school-vertrouwt.p12"),
                    "connector.duo.tls.truststore-wachtwoord", WACHTWOORD));
            List<ControleerCommando.Punt> zonder = lijst(tls);
            assertThat(alleenFout(zonder)).as("DUO eist een clientcertificaat").containsExactly("DUO");

            tls.put("connector.duo.tls.keystore", pad("school.p12"));
            tls.put("connector.duo.tls.keystore-wachtwoord", WACHTWOORD);
            List<ControleerCommando.Punt> met = lijst(tls);
            assertThat(alleenFout(met)).isEmpty();
            assertThat(toelichting(met, "DUO")).contains("TLS-handshake").contains("met het clientcertificaat");
            assertThat(toelichting(met, "DUO-certificaat")).startsWith("geldig tot ");
        } finally {
            duo.stop();
        }
    }

    static final String WACHTWOORD = "tls-geheim";
    static Path sleutels;

    static String pad(String naam) {
        return sleutels.resolve(naam).toString();
    }

    /** DUO over HTTPS demanding a client certificate: keystores made with keytool, each side trusting the other. */
    static WireMockServer duoMetClientcertificaat() throws Exception {
        sleutels = Files.createTempDirectory("verzuim-controleer-tls-");
        keytool("-genkeypair", "-alias", "school", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=school.example,O=Testschool", "-storetype", "PKCS12",
                "-keystore", pad("school.p12"), "-storepass", WACHTWOORD, "-keypass", WACHTWOORD);
        keytool("-genkeypair", "-alias", "duo", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost,O=DUO test", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", pad("duo.p12"), "-storepass", WACHTWOORD, "-keypass", WACHTWOORD);
        keytool("-exportcert", "-alias", "school", "-keystore", pad("school.p12"), "-storepass", WACHTWOORD,
                "-file", pad("school.crt"));
        keytool("-exportcert", "-alias", "duo", "-keystore", pad("duo.p12"), "-storepass", WACHTWOORD,
                "-file", pad("duo.crt"));
        keytool("-importcert", "-noprompt", "-alias", "school", "-file", pad("school.crt"), "-storetype", "PKCS12",
                "-keystore", pad("duo-vertrouwt.p12"), "-storepass", WACHTWOORD);
        keytool("-importcert", "-noprompt", "-alias", "duo", "-file", pad("duo.crt"), "-storetype", "PKCS12",
                "-keystore", pad("school-vertrouwt.p12"), "-storepass", WACHTWOORD);
        WireMockServer duo = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .usingFilesUnderDirectory(".")
                .keystorePath(pad("duo.p12")).keystorePassword(WACHTWOORD).keyManagerPassword(WACHTWOORD)
                .keystoreType("PKCS12").needClientAuth(true)
                .trustStorePath(pad("duo-vertrouwt.p12")).trustStorePassword(WACHTWOORD).trustStoreType("PKCS12"));
        duo.start();
        return duo;
    }

    static void keytool(String... argumenten) throws Exception {
        List<String> opdracht = new ArrayList<>();
        opdracht.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        opdracht.addAll(List.of(argumenten));
        Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        String uitvoer = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!proces.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || proces.exitValue() != 0) {
            throw new IllegalStateException("keytool mislukte: " + uitvoer);
        }
    }

    private Map<String, String> basis() throws IOException {
        Path scholen = map.resolve("scholen.yaml");
        if (!Files.exists(scholen)) {
            String yaml;
            try (InputStream in = getClass().getResourceAsStream("/scholen-test.yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.writeString(scholen, yaml.replace("      - {naam: kerstvakantie, van: 2026-12-19, tot: 2027-01-03}\n",
                    "      - {naam: kerstvakantie, van: 2026-12-19, tot: 2027-01-03}\n"
                            + "      - {naam: zomervakantie, van: 2027-07-10, tot: 2027-08-22}\n"));
        }
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("connector.sandbox", "false");
        m.put("connector.schools", scholen.toString());
        m.put("connector.inbox", map.resolve("inbox").toString());
        m.put("connector.processed-dir", map.resolve("processed").toString());
        m.put("connector.quarantine-dir", map.resolve("quarantaine").toString());
        m.put("connector.duo.endpoint", mock.baseUrl() + "/duo/verzuimmelding/v1");
        m.put("connector.duo.ontvanger-oin", "00000001800866472000");
        m.put("connector.ot.base-url", mock.baseUrl() + "/ot");
        m.put("connector.ot.client-id", "test-school");
        m.put("connector.ot.client-secret", "test-geheim");
        m.put("connector.ot.webhook-secret", "9c4e1f7a2b8d0e3f6a5c1b9d7e2f4a8c");
        m.put("spring.mail.host", "127.0.0.1");
        m.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        m.put("connector.mail.from", "verzuimconnector@verrekijker.example");
        m.put("spring.datasource.url", "jdbc:h2:file:" + map.resolve("db/verzuim")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        return m;
    }

    private String[] argumenten(Map<String, String> anders) throws IOException {
        Map<String, String> m = new java.util.LinkedHashMap<>(basis());
        m.putAll(anders);
        return m.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private List<ControleerCommando.Punt> lijst(Map<String, String> anders) throws IOException {
        return ControleerCommando.controleer(ControleerCommando.omgeving(argumenten(anders)), KLOK);
    }

    private static Map<String, Boolean> onderdelen(List<ControleerCommando.Punt> punten) {
        return punten.stream().collect(Collectors.toMap(ControleerCommando.Punt::onderdeel,
                ControleerCommando.Punt::goed, (a, b) -> a && b));
    }

    private static List<String> alleenFout(List<ControleerCommando.Punt> punten) {
        return punten.stream().filter(p -> !p.goed()).map(ControleerCommando.Punt::onderdeel).toList();
    }

    private static String toelichting(List<ControleerCommando.Punt> punten, String onderdeel) {
        return punten.stream().filter(p -> p.onderdeel().equals(onderdeel)).map(ControleerCommando.Punt::toelichting)
                .findFirst().orElseThrow();
    }

    /** A port nothing listens on: connecting is refused at once. */
    static int weigerendePoort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
