package nl.verzuim.connector.web.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import nl.verzuim.connector.support.Sessie;

/**
 * The operator page and API at region size (src/docs/benchmarks.md, "Operator page benchmark"):
 * {@code mvn -B -Pbench-overzicht verify}. Not a test: it runs only in that profile and reports what it measured in
 * {@code target/bench-overzicht.txt}; it fails only when an answer is wrong (a count that is not exact).
 * <ol>
 * <li>Starts an embedded PostgreSQL and the built jar on it (its own port, nothing sent anywhere).</li>
 * <li>Puts {@code bench.meldingen} meldingen (default 100,000) straight into the database, in one statement, spread
 * over one configured school and ten others, DUO and OT, most delivered, some past their deadline, waiting for
 * approval or dead.</li>
 * <li>Asks, logged in as a person (the page) and with HTTP basic (the API), each request {@code bench.herhalingen}
 * times (default 10) after {@code bench.opwarmen} rounds of all of them (default 5): the overview, a search, a page
 * deep in the list, the API's first and a deep page, and the API with a filter; reports median and max in ms, with
 * the machine's load.</li>
 * </ol>
 */
class OverzichtBenchmark {

    static final Path JAR = Path.of("target/verzuim-connector.jar").toAbsolutePath();
    static final String SCHEMA = "bench_overzicht";
    static final String GEBRUIKER = "bench";
    static final String WACHTWOORD = "bench-wachtwoord";

    @Test
    void meet() throws Exception {
        int aantal = Integer.getInteger("bench.meldingen", 100_000);
        int herhalingen = Integer.getInteger("bench.herhalingen", 10);
        Path map = Files.createTempDirectory("verzuim-bench-overzicht-");
        Files.createDirectories(map.resolve("inbox"));
        try (InputStream scholen = getClass().getResourceAsStream("/scholen-test.yaml")) {
            Files.copy(scholen, map.resolve("scholen.yaml"));
        }
        Process jar = null;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String basis = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            String url = basis + "?currentSchema=" + SCHEMA;
            try (Connection db = DriverManager.getConnection(basis, "postgres", "");
                 Statement opdracht = db.createStatement()) {
                opdracht.execute("create schema " + SCHEMA);
            }
            Path log = map.resolve("connector.log");
            jar = start(map, url, log);
            int poort = wachtOpPoort(log, jar);

            Instant begin = Instant.now();
            vul(url, aantal);
            long vullen = Duration.between(begin, Instant.now()).toMillis();
            // past the deadline and not at DUO: to send, waiting for approval, or dead
            long teLaat = telling(url, "select count(*) from melding where kanaal = 'DUO' and status not in "
                    + "('VERZONDEN', 'INGETROKKEN') and uiterste_melddatum < current_date and meldingsnummer is null");

            Sessie sessie = Sessie.ingelogd(poort, GEBRUIKER, WACHTWOORD);
            int diep = aantal / 50 - 10;
            Map<String, Verzoek> verzoeken = new LinkedHashMap<>();
            verzoeken.put("pagina: overzicht (/)", () -> sessie.get("/"));
            verzoeken.put("pagina: zoeken (school, kanaal, status)",
                    () -> sessie.get("/?school=00YY00&kanaal=DUO&status=TE_VERZENDEN"));
            verzoeken.put("pagina: diep bladeren (pagina " + diep + ")", () -> sessie.get("/?pagina=" + diep));
            verzoeken.put("API: /api/meldingen (eerste 200)", () -> api(poort, "/api/meldingen"));
            verzoeken.put("API: diep bladeren (pagina " + (aantal / 200 - 5) + " van 200)",
                    () -> api(poort, "/api/meldingen?max=200&pagina=" + (aantal / 200 - 5)));
            verzoeken.put("API: zoeken (termijnVerstreken)", () -> api(poort, "/api/meldingen?termijnVerstreken=true"));

            // the answers are right: the counts exact, at region size
            HttpResponse<String> alles = api(poort, "/api/meldingen");
            assertThat(alles.headers().firstValue("X-Totaal-Aantal")).hasValue(Integer.toString(aantal));
            assertThat(api(poort, "/api/meldingen?termijnVerstreken=true").headers().firstValue("X-Totaal-Aantal"))
                    .hasValue(Long.toString(teLaat));
            String overzicht = sessie.get("/").body();
            assertThat(overzicht).contains(aantal + " meldingen gevonden")
                    .contains("<b>" + teLaat + "</b>te laat bij DUO").contains("De eerste 20 van " + teLaat);

            // a running connector is warm: every request a few rounds first (JIT, caches), none of them timed
            int opwarmen = Integer.getInteger("bench.opwarmen", 5);
            for (int i = 0; i < opwarmen; i++) {
                for (Verzoek v : verzoeken.values()) {
                    v.doe();
                }
            }

            StringBuilder rapport = new StringBuilder();
            rapport.append("Operator page benchmark, ").append(LocalDateTime.now().withNano(0)).append('\n')
                    .append(String.format(Locale.ROOT, "%,d meldingen in PostgreSQL (put in in %,d ms), the jar on "
                            + "it; %d timed requests each after %d warm-up rounds of all%n", aantal, vullen, herhalingen,
                            opwarmen))
                    .append("load before: ").append(belasting()).append('\n');
            rapport.append(String.format(Locale.ROOT, "%-48s %10s %10s %10s%n", "request", "median ms", "max ms",
                    "bytes"));
            for (Map.Entry<String, Verzoek> v : verzoeken.entrySet()) {
                List<Long> tijden = new ArrayList<>();
                int grootte = 0;
                for (int i = 0; i < herhalingen; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> antwoord = v.getValue().doe();
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertThat(antwoord.statusCode()).as(v.getKey()).isEqualTo(200);
                    grootte = antwoord.body().getBytes(StandardCharsets.UTF_8).length;
                    tijden.add(ms);
                }
                tijden.sort(null);
                rapport.append(String.format(Locale.ROOT, "%-48s %10d %10d %,10d%n", v.getKey(),
                        tijden.get(tijden.size() / 2), tijden.get(tijden.size() - 1), grootte));
            }
            rapport.append("load after: ").append(belasting()).append('\n');
            Path uit = Path.of("target/bench-overzicht.txt");
            Files.writeString(uit, rapport);
            System.out.println(rapport);
        } finally {
            if (jar != null && jar.isAlive()) {
                jar.destroy();
                if (!jar.waitFor(30, TimeUnit.SECONDS)) {
                    jar.destroyForcibly();
                }
            }
        }
    }

    interface Verzoek {
        HttpResponse<String> doe() throws Exception;
    }

    private static HttpResponse<String> api(int poort, String pad) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (GEBRUIKER + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The region's meldingen in one statement: 80% at the configured school 00YY00, the rest at ten schools no
     * longer configured; two in three DUO; 90% delivered, the rest to send (half of those past their deadline),
     * waiting for approval, or dead (no outbox row: nothing is sent). OT meldingen are AFGEROND, so that the
     * lifecycle has nothing to do.
     */
    private static void vul(String url, int aantal) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
             Statement opdracht = db.createStatement()) {
            opdracht.execute("""
                    insert into melding (brin, vestiging, leerling_id, kanaal, soort, begindatum, einddatum, besloten_op,
                        uiterste_melddatum, uitleg, status, meldingsnummer, duo_status, ot_status, aangemaakt, bijgewerkt)
                    select case when g %% 5 = 0 then lpad((g %% 10)::text, 2, '0') || 'AB' else '00YY' end, '00',
                        'LB' || g, case when g %% 3 = 0 then 'OT' else 'DUO' end,
                        case when g %% 3 = 0 then 'A_LANGDURIG_RELATIEF_VERZUIM' else 'RELATIEF_16_UUR' end,
                        date '2026-09-01' + (g %% 60), date '2026-09-10' + (g %% 60), date '2026-09-12' + (g %% 60),
                        case when g %% 3 = 0 then null else date '2026-09-19' + (g %% 60) end,
                        'bench', case when g %% 10 < 9 then 'VERZONDEN' when g %% 20 = 9 then 'TE_VERZENDEN'
                            when g %% 40 = 19 then 'WACHT_OP_GOEDKEURING' else 'MISLUKT' end,
                        case when g %% 10 < 9 and g %% 3 <> 0 then 'MN' || g end,
                        case when g %% 10 < 9 and g %% 3 <> 0 then 'AFGEHANDELD' end,
                        case when g %% 3 = 0 then 'AFGEROND' end,
                        timestamp with time zone '2026-09-12 10:00:00+02' + g * interval '1 minute',
                        timestamp with time zone '2026-09-12 10:00:00+02' + g * interval '1 minute'
                    from generate_series(1, %d) as g""".formatted(aantal).replace("%%", "%"));
            opdracht.execute("analyze melding");
        }
    }

    private static long telling(String url, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Process start(Path map, String url, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String hash = new BCryptPasswordEncoder(4).encode(WACHTWOORD);
        List<String> opdracht = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", JAR.toString(),
                "--server.port=0",
                "--connector.sandbox=false",
                "--connector.schools=" + map.resolve("scholen.yaml"),
                "--connector.inbox=" + map.resolve("inbox"),
                "--connector.processed-dir=" + map.resolve("processed"),
                "--connector.quarantine-dir=" + map.resolve("quarantaine"),
                "--connector.log-dir=" + map.resolve("logs"),
                "--connector.duo.endpoint=http://127.0.0.1:9/duo",
                "--connector.duo.ontvanger-oin=00000001800866472000",
                "--connector.ot.base-url=http://127.0.0.1:9/ot",
                "--connector.ot.client-id=bench", "--connector.ot.client-secret=bench",
                "--connector.ot.webhook-secret=bench-webhook-geheim-0a9c3e1d7f5b2846",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=9",
                "--connector.mail.from=connector@bench.example",
                "--connector.beheer.min-kosten=4",
                "--connector.beheer.accounts[0].gebruikersnaam=" + GEBRUIKER,
                "--connector.beheer.accounts[0].hash=" + hash,
                "--connector.beheer.accounts[0].rol=beheerder",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        Process proces = new ProcessBuilder(opdracht).directory(map.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return proces;
    }

    private static int wachtOpPoort(Path log, Process proces) throws Exception {
        Pattern poort = Pattern.compile("Tomcat started on port (\\d+)");
        Instant einde = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(einde)) {
            if (Files.exists(log)) {
                String tekst = Files.readString(log);
                Matcher m = poort.matcher(tekst);
                if (m.find() && tekst.contains("Started VerzuimConnectorApplication")) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!proces.isAlive()) {
                throw new IllegalStateException("de connector stopte: zie " + log);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("de connector startte niet binnen 5 minuten: zie " + log);
    }

    private static String belasting() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (load average 1/5/15 min, "
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (Exception e) {
            return "onbekend";
        }
    }
}
